package io.herald.state;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Path;

/**
 * The StateDb of one test: opened again as a restart opens it, crashed as a kill -9 leaves it, and closed after the
 * test. Register it with {@code @RegisterExtension}.
 */
final class TestStateDb implements AfterEachCallback {
    private StateDb db;

    /** Closes the open StateDb, if any, as a clean stop does, and opens the one in {@code dir}. */
    StateDb reopen(Path dir) {
        close();
        db = StateDb.open(dir, 8 << 20);
        return db;
    }

    /** The open StateDb. */
    StateDb get() {
        return db;
    }

    /** Closes the open StateDb without a flush: what a kill -9 before the next checkpoint leaves behind. */
    void crash() {
        db.closeWithoutFlush();
        db = null;
    }

    /** Closes the open StateDb, as a clean stop does. */
    void close() {
        if (db != null) {
            db.close();
            db = null;
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }
}
