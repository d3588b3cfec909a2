package io.herald.util;

import java.nio.charset.StandardCharsets;

/** A 64-bit hash of a URL (or any key) for the sets that keep hashes instead of strings. */
public final class UrlHash {
    private UrlHash() {
    }

    /** 64-bit FNV-1a of the key's UTF-8 bytes, finished with the murmur3 mixer to spread similar keys. */
    public static long of(String key) {
        long h = 0xcbf29ce484222325L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb93fe53ab5e7L;
        return h ^ (h >>> 33);
    }
}
