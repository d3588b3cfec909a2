package io.herald.sink;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * The output file being appended to, by number: each line goes to it in one {@code write} on an append-mode channel,
 * with no user-space buffer, so a returned {@link #append} is in the OS page cache and survives a crash of the JVM;
 * {@link #force} makes it survive a crash of the machine. A failed append (disk full, say) cuts off the part of the
 * line that reached the file; when even that fails the segment is {@link #torn()} and must be abandoned.
 */
final class Segment implements Closeable {
    final int number;
    final long openedAt;
    private final OpenFile file;
    private long size;
    private boolean torn;

    Segment(int number, OpenFile file, long openedAt) {
        this.number = number;
        this.file = file;
        this.openedAt = openedAt;
    }

    Path path() {
        return file.path;
    }

    /** Bytes of whole lines in the file. */
    long size() {
        return size;
    }

    /** Appends one whole line, newline included. */
    void append(byte[] line) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(line);
        try {
            // A blocking FileChannel writes everything in one call; the loop is only a guard.
            while (buffer.hasRemaining()) {
                file.channel.write(buffer);
            }
            size += line.length;
        } catch (IOException e) {
            dropPartialLine();
            throw e;
        }
    }

    /** True when a failed append left part of a line at the end, which could not be cut off. */
    boolean torn() {
        return torn;
    }

    // Part of the line may be in the file: cut it off so the next line does not start mid-line.
    private void dropPartialLine() {
        try {
            file.channel.truncate(size);
        } catch (IOException truncateFailed) {
            torn = true;
        }
    }

    /** Forces the lines to the storage device; true: the file length is metadata, and an appended line is lost without it. */
    void force() throws IOException {
        file.channel.force(true);
    }

    /** False once the name no longer leads to this file (removed, or replaced by another). */
    boolean inPlace() throws IOException {
        return file.inPlace();
    }

    /** Appends the whole lines of {@code gone}, read through its inode even when its name is gone. */
    void copyFrom(Segment gone) throws IOException {
        gone.file.copyTo(file.channel, gone.size);
        size = gone.size;
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
