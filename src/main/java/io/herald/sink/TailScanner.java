package io.herald.sink;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** Finds where the last whole line of a file ends, reading backwards in blocks (lines can be long). */
final class TailScanner {
    private static final int BLOCK = 8192;

    private TailScanner() {
    }

    /** The offset just after the last {@code '\n'} before {@code length}, or 0 when there is none. */
    static long endOfLastLine(FileChannel ch, long length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(BLOCK);
        long end = length;
        while (end > 0) {
            long start = Math.max(0, end - BLOCK);
            buffer.clear().limit((int) (end - start));
            readFully(ch, buffer, start);
            for (int i = buffer.limit() - 1; i >= 0; i--) {
                if (buffer.get(i) == '\n') {
                    return start + i + 1;
                }
            }
            end = start;
        }
        return 0;
    }

    private static void readFully(FileChannel ch, ByteBuffer buffer, long position) throws IOException {
        long pos = position;
        while (buffer.hasRemaining()) {
            int n = ch.read(buffer, pos);
            if (n < 0) {
                throw new IOException("file shrank while reading at " + pos);
            }
            pos += n;
        }
    }
}
