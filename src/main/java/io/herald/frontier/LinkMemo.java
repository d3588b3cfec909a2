package io.herald.frontier;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers, for recently offered raw links, what normalisation and scope made of them. Both are pure
 * functions of the string, and page templates repeat the same navigation links on every page, so most
 * offers skip URL parsing, the frontier's costliest step. Bounded (least recently used out).
 */
final class LinkMemo {
    /** What a raw link came to: its normalised form (null when unusable) and whether it is in scope. */
    record Verdict(String url, boolean inScope) {
    }

    private final UrlNormalizer normalizer;
    private final Scope scope;
    private final Map<String, Verdict> recent;

    LinkMemo(UrlNormalizer normalizer, Scope scope, int capacity) {
        this.normalizer = normalizer;
        this.scope = scope;
        this.recent = new LinkedHashMap<>(1024, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Verdict> eldest) {
                return size() > capacity;
            }
        };
    }

    Verdict judge(String rawUrl) {
        Verdict verdict = recent.get(rawUrl);
        if (verdict == null) {
            String url = normalizer.normalize(rawUrl);
            verdict = new Verdict(url, url != null && scope.allows(url));
            recent.put(rawUrl, verdict);
        }
        return verdict;
    }
}
