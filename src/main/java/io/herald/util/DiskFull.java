package io.herald.util;

import java.util.Locale;

/**
 * Recognises "the disk is full" in an exception, whichever layer raised it: the JDK reports ENOSPC and EDQUOT
 * only as an {@link java.io.IOException} with the OS's text, RocksDB as an IO error whose text carries the same
 * words. The sink and the app use it to say "free some space" rather than "something failed".
 */
public final class DiskFull {
    private DiskFull() {
    }

    /** True if {@code error} or one of its causes says the device is out of space or over quota. */
    public static boolean causes(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String text = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (text.contains("no space left on device") || text.contains("disk quota exceeded")
                    || text.contains("nospace")) {
                return true;
            }
        }
        return false;
    }
}
