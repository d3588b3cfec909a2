package io.herald.state;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The 16-byte key the store keeps for a URL: its MD5 digest. A fixed 16 bytes instead of a URL of 60 to 200
 * makes the sets on disk, their compactions and their cache share a fraction of the size; two of ten million
 * URLs share a digest with odds near 10^-25. The two halves feed the {@link SeenFilter}. Not thread-safe.
 */
final class Md5Key {
    private final MessageDigest md5;

    Md5Key() {
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JRE has MD5", e);
        }
    }

    byte[] of(String text) {
        return md5.digest(text.getBytes(StandardCharsets.UTF_8));
    }

    static long high(byte[] key) {
        return ByteBuffer.wrap(key).getLong(0);
    }

    static long low(byte[] key) {
        return ByteBuffer.wrap(key).getLong(8);
    }
}
