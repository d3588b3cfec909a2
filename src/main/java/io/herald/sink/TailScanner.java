package io.herald.sink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Finds where the last whole line of a file ends, reading backwards in blocks (lines can be long), and cuts off
 * what follows it: the torn tail a crash in the middle of a write leaves.
 */
final class TailScanner {
    private static final int BLOCK = 8192;

    private TailScanner() {
    }

    /**
     * Cuts an unfinished last line (a file not ending in {@code '\n'}) off {@code file}, and syncs the file.
     *
     * @return the bytes removed, 0 when the file ends with a whole line, is empty or does not exist
     * @throws UncheckedIOException if the file cannot be read or truncated
     */
    static int cutTornTail(Path file) {
        if (!Files.isRegularFile(file)) {
            return 0;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long length = ch.size();
            long keep = endOfLastLine(ch, length);
            if (keep == length) {
                return 0;
            }
            ch.truncate(keep);
            ch.force(true);
            return (int) Math.min(length - keep, Integer.MAX_VALUE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot repair " + file, e);
        }
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
