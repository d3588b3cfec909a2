package io.herald.sink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * What the writer still owes files it has closed after a failure: a file whose last sync failed must be synced before
 * any later sync may succeed, and a file left with part of a line at its end (cutting it off failed) must be cut.
 * Only the newest file is repaired when the folder is next opened, so an older one is repaired here.
 */
final class OwedRepairs {
    private Path unsynced;
    private Path torn;

    /** {@code file} was closed but its lines are not known to be on the disk. */
    void unsynced(Path file) {
        unsynced = file;
    }

    /** {@code file} was abandoned with part of a line at its end; its earlier lines still need their sync. */
    void torn(Path file) {
        unsynced = file;
        torn = file;
    }

    /** Cuts the torn tail off, which also syncs that file. */
    void cutTorn() throws IOException {
        if (torn != null) {
            try {
                TailScanner.cutTornTail(torn);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            torn = null;
        }
    }

    /** Pays everything owed: the torn tail cut, the unsynced file synced; throws while either fails. */
    void settle() throws IOException {
        cutTorn();
        if (unsynced != null) {
            try (FileChannel ch = FileChannel.open(unsynced, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            unsynced = null;
        }
    }
}
