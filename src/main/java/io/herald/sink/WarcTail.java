package io.herald.sink;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Finds where the whole records of a WARC file written by Herald end: it walks the gzip members from the start,
 * inflating each and checking its CRC and length, and stops at the first that is cut short or broken. A request
 * record counts only with the record after it (Herald writes a fetch's request and response together), so a tail
 * that kept a request but lost its response is cut too. Reads the whole file: only the newest file of a folder,
 * the one a crash can have torn, is walked at a start.
 */
final class WarcTail {
    private static final int BLOCK = 64 * 1024;
    /** The WARC header of Herald's records fits well within this; the type is read from it. */
    private static final int HEAD = 2048;

    private final FileChannel ch;
    private final ByteBuffer in = ByteBuffer.allocate(BLOCK);
    private long inStart; // file offset of in[0]
    private final byte[] out = new byte[BLOCK];

    private WarcTail(FileChannel ch) {
        this.ch = ch;
        in.limit(0);
    }

    /** The length of the file's prefix of whole records (the whole length when nothing is torn). */
    static long wholeLength(FileChannel ch) throws IOException {
        return new WarcTail(ch).walk();
    }

    private long walk() throws IOException {
        long good = 0;
        while (true) {
            Boolean request = member();
            if (request == null) {
                return good;
            }
            if (!request) {
                good = position();
            }
        }
    }

    private long position() {
        return inStart + in.position();
    }

    /** Reads one member: TRUE when it holds a request record, FALSE for any other, null at the end or when torn. */
    private Boolean member() throws IOException {
        if (!header()) {
            return null;
        }
        Inflater inflater = new Inflater(true);
        try {
            CRC32 crc = new CRC32();
            long size = 0;
            StringBuilder head = new StringBuilder();
            while (!inflater.finished()) {
                if (inflater.needsInput()) {
                    if (!in.hasRemaining() && !fill()) {
                        return null; // cut inside the compressed data
                    }
                    inflater.setInput(in.array(), in.position(), in.remaining());
                    in.position(in.limit());
                }
                int n = inflater.inflate(out);
                if (n == 0 && (inflater.needsDictionary())) {
                    return null;
                }
                crc.update(out, 0, n);
                size += n;
                if (head.length() < HEAD) {
                    head.append(new String(out, 0, Math.min(n, HEAD), StandardCharsets.ISO_8859_1));
                }
            }
            in.position(in.position() - inflater.getRemaining());
            long storedCrc = readIntLe();
            long storedSize = readIntLe();
            if (storedCrc < 0 || storedSize < 0 || storedCrc != crc.getValue() || storedSize != (size & 0xffffffffL)) {
                return null;
            }
            return head.indexOf("\r\nWARC-Type: request\r\n") >= 0;
        } catch (DataFormatException e) {
            return null;
        } finally {
            inflater.end();
        }
    }

    /** The member header (RFC 1952); false at the end of the file or when it is not a gzip member. */
    private boolean header() throws IOException {
        int id1 = readByte();
        int id2 = readByte();
        int method = readByte();
        int flags = readByte();
        if (id1 != 0x1f || id2 != 0x8b || method != 8 || flags < 0) {
            return false;
        }
        for (int i = 0; i < 6; i++) { // mtime, xfl, os
            if (readByte() < 0) {
                return false;
            }
        }
        if ((flags & 4) != 0) { // FEXTRA
            int lo = readByte();
            int hi = readByte();
            if (lo < 0 || hi < 0 || !skip(lo | hi << 8)) {
                return false;
            }
        }
        if ((flags & 8) != 0 && !skipZeroTerminated() || (flags & 16) != 0 && !skipZeroTerminated()) {
            return false;
        }
        return (flags & 2) == 0 || skip(2); // FHCRC
    }

    private boolean skipZeroTerminated() throws IOException {
        int b;
        do {
            b = readByte();
        } while (b > 0);
        return b == 0;
    }

    private boolean skip(int n) throws IOException {
        for (int i = 0; i < n; i++) {
            if (readByte() < 0) {
                return false;
            }
        }
        return true;
    }

    private long readIntLe() throws IOException {
        long value = 0;
        for (int i = 0; i < 4; i++) {
            int b = readByte();
            if (b < 0) {
                return -1;
            }
            value |= (long) b << (8 * i);
        }
        return value;
    }

    private int readByte() throws IOException {
        if (!in.hasRemaining() && !fill()) {
            return -1;
        }
        return in.get() & 0xff;
    }

    /** Reads the next block after what {@code in} holds; false at the end of the file. */
    private boolean fill() throws IOException {
        long next = inStart + in.limit();
        in.clear();
        int n;
        do {
            n = ch.read(in, next);
        } while (n == 0);
        inStart = next;
        in.flip();
        return n > 0;
    }
}
