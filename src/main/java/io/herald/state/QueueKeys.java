package io.herald.state;

import io.herald.model.Via;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Keys of queued URLs: {@code hostKey 0x00 priority sequence}, so one host's queue is one contiguous key
 * range, related-story links and seeds (priority 0) sort before other links (priority 1), and within a
 * priority URLs come in the order they were queued (an 8-byte big-endian sequence number). A host key is
 * a URL prefix and never holds a NUL byte, so no host's range can overlap another's.
 */
final class QueueKeys {
    private QueueKeys() {
    }

    static byte[] prefix(String hostKey) {
        byte[] host = hostKey.getBytes(StandardCharsets.UTF_8);
        return Arrays.copyOf(host, host.length + 1); // the trailing 0x00 separator
    }

    static byte[] key(String hostKey, Via via, long seq) {
        byte[] prefix = prefix(hostKey);
        return ByteBuffer.allocate(prefix.length + 9).put(prefix).put(priority(via)).putLong(seq).array();
    }

    static byte priority(Via via) {
        return (byte) (via == Via.RELATED || via == Via.SEED ? 0 : 1);
    }

    /** The host key a queue key belongs to. */
    static String hostOf(byte[] key) {
        return new String(key, 0, key.length - 10, StandardCharsets.UTF_8);
    }

    static boolean startsWith(byte[] key, byte[] prefix) {
        return key.length >= prefix.length && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** The first key after every key that starts with {@code prefix} (which ends in the 0x00 separator). */
    static byte[] rangeEnd(byte[] prefix) {
        byte[] end = prefix.clone();
        end[end.length - 1] = 1;
        return end;
    }

    /** The smallest key that sorts after {@code key}. */
    static byte[] successor(byte[] key) {
        return Arrays.copyOf(key, key.length + 1);
    }

    /** Unsigned byte order, as RocksDB's default comparator sorts. */
    static int compare(byte[] a, byte[] b) {
        return Arrays.compareUnsigned(a, b);
    }
}
