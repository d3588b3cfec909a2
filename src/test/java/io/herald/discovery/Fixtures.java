package io.herald.discovery;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Loads the byte fixtures under {@code src/test/resources/discovery/}. */
final class Fixtures {
    private Fixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/discovery/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
