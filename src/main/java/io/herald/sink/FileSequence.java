package io.herald.sink;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;

/**
 * Names and creates the output files, {@code articles-0001.jsonl}, {@code articles-0002.jsonl}, … upward from a
 * number, each new: a file some other run (or process) wrote is never appended to, and a number is never used twice.
 */
final class FileSequence {
    /** Opens a new output file for appending; it must not exist yet. */
    interface ChannelOpener {
        FileChannel open(Path file) throws IOException;
    }

    private final Path dir;
    private final Clock clock;
    private int lastNumber;
    private ChannelOpener opener = file -> FileChannel.open(file, StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE, StandardOpenOption.APPEND);

    /** @param lastNumber the highest number taken: new files are numbered above it */
    FileSequence(Path dir, int lastNumber, Clock clock) {
        this.dir = dir;
        this.lastNumber = lastNumber;
        this.clock = clock;
    }

    /** How new files are opened: a test hands in channels that fail (a full disk, say). */
    void opener(ChannelOpener opener) {
        this.opener = opener;
    }

    /** The highest number taken so far. */
    int lastNumber() {
        return lastNumber;
    }

    /** Creates the next file and syncs its name into the folder. */
    Segment next() throws IOException {
        while (true) {
            Path file = OutputFiles.plain(dir, ++lastNumber);
            try {
                Segment segment = open(file);
                OutputFiles.syncDir(dir); // the new name must survive a power loss with the lines synced into it
                return segment;
            } catch (FileAlreadyExistsException taken) {
                // created since we listed the folder; try the next number
            }
        }
    }

    private Segment open(Path file) throws IOException {
        FileChannel channel = opener.open(file); // CREATE_NEW
        try {
            return new Segment(lastNumber, OpenFile.of(file, channel), clock.millis());
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }
}
