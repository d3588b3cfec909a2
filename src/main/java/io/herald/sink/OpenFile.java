package io.herald.sink;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * The output file being written: its append channel, plus a read channel on the same inode, so that if someone
 * removes (or replaces) the file while it is open, the lines already written can still be read back from the
 * removed inode and written again under a new name instead of vanishing when the channel closes.
 */
final class OpenFile implements Closeable {
    final Path path;
    final FileChannel channel;
    private final FileChannel reader;
    private final Object key;

    private OpenFile(Path path, FileChannel channel, FileChannel reader, Object key) {
        this.path = path;
        this.channel = channel;
        this.reader = reader;
        this.key = key;
    }

    /** Wraps a channel just created on {@code path}. */
    static OpenFile of(Path path, FileChannel channel) throws IOException {
        FileChannel reader = FileChannel.open(path, StandardOpenOption.READ);
        try {
            return new OpenFile(path, channel, reader, fileKey(path));
        } catch (IOException e) {
            reader.close();
            throw e;
        }
    }

    /** False once the name no longer leads to this file (removed, or replaced by another). */
    boolean inPlace() throws IOException {
        try {
            return key == null || Objects.equals(key, fileKey(path));
        } catch (NoSuchFileException removed) {
            return false;
        }
    }

    /**
     * Copies the first {@code size} bytes of this file, read through the inode even when its name is gone, to the end
     * of {@code target}.
     */
    void copyTo(FileChannel target, long size) throws IOException {
        long done = 0;
        while (done < size) {
            long n = reader.transferTo(done, size - done, target);
            if (n <= 0) {
                throw new IOException("could read only " + done + " of " + size + " bytes back from " + path);
            }
            done += n;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            channel.close();
        } finally {
            reader.close();
        }
    }

    private static Object fileKey(Path path) throws IOException {
        return Files.readAttributes(path, BasicFileAttributes.class).fileKey();
    }
}
