package io.herald.config;

import java.util.ArrayList;
import java.util.List;

/**
 * The problems found in one load, collected so that a user fixes all of them in one edit rather than one
 * per run. Each is one line: {@code source: key: what is wrong}.
 */
final class Problems {
    private final List<String> lines = new ArrayList<>();

    void add(String source, String key, String message) {
        lines.add(source + ": " + key + ": " + message);
    }

    boolean isEmpty() {
        return lines.isEmpty();
    }

    /** Throws one {@link ConfigException} listing every problem, if there is any. */
    void throwIfAny() {
        if (lines.size() == 1) {
            throw new ConfigException(lines.get(0));
        }
        if (!lines.isEmpty()) {
            throw new ConfigException(lines.size() + " problems in the configuration:\n  "
                    + String.join("\n  ", lines));
        }
    }
}
