package io.herald.sink;

import io.vertx.core.json.JsonObject;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Appends whole JSON lines to {@code articles-0001.jsonl}, {@code articles-0002.jsonl}, … in one folder.
 *
 * <p>Each line goes to the file in one {@code write} on an append-mode channel, with no user-space buffer,
 * so once {@link #write} returns the line is in the OS page cache and survives a crash of the JVM; only
 * {@link #sync} (called by the owner on a timer and on close) makes it survive a crash of the machine.
 * A crash in the middle of a write can tear only the last line of the newest file, and the next writer
 * on the folder cuts that tail off ({@link #repairTornTail}). Each writer starts a new file, opened on
 * its first line, so earlier runs' files are never appended to. Files also rotate by age
 * ({@code rotateInterval}, checked on each write and by {@link #rotateIfDue}), and with {@code gzip} each
 * file is compressed when it is closed ({@link OutputFiles#gzip}); a closed file is never written again.
 *
 * <p>Not thread-safe: one owner (the sink verticle) calls it from one thread at a time.
 */
public final class JsonLinesWriter implements Closeable {
    private final Path dir;
    private final long rotateBytes;
    private final long rotateMillis;
    private final boolean gzip;
    private final Clock clock;
    private long openedAt;
    private final List<Path> files = new ArrayList<>();
    private final List<Path> leftovers = new ArrayList<>();
    private Consumer<OutputMark> afterFileSynced = mark -> { };
    /** A closed file whose last sync failed: {@link #sync} must not succeed until it has been synced. */
    private Path unsyncedClosed;
    /** A file left with part of a line at its end because cutting it off failed: cut at the next sync or close. */
    private Path tornClosed;
    private int lastNumber;
    private FileChannel channel;
    private OpenFile current;
    private ChannelOpener opener = file -> FileChannel.open(file, StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    private Consumer<String> onRecovered = message -> { };
    private SyncStep beforeSync = () -> { };
    private long size;
    private long lines;
    private boolean closed;

    /**
     * @param dir         the output folder, created if missing
     * @param rotateBytes a file never grows past this, except to hold one line that is larger on its own
     * @throws UncheckedIOException if the folder cannot be created or read, or its newest file repaired
     */
    public JsonLinesWriter(Path dir, long rotateBytes) {
        this(dir, rotateBytes, Duration.ZERO, false, Clock.systemUTC());
    }

    /**
     * @param rotateInterval a file is closed once it has been open this long (zero: never by time)
     * @param gzip           compress each file when it is closed, to {@code articles-N.jsonl.gz}
     * @param clock          the time source for {@code rotateInterval}
     */
    public JsonLinesWriter(Path dir, long rotateBytes, Duration rotateInterval, boolean gzip, Clock clock) {
        this(dir, rotateBytes, rotateInterval, gzip, clock, 0);
        compressLeftovers();
    }

    /**
     * Opens the folder without compressing the plain files of earlier runs yet (see {@link #compressLeftovers}):
     * the sink first reads their last lines back, and a file compressed is a file downstream may take away.
     * The newest one's unfinished last line is cut off.
     *
     * @param numberAbove new files are numbered above this too (not only above the files in the folder), so that
     *                    a number whose file a downstream job has taken away is never used again
     */
    public JsonLinesWriter(Path dir, long rotateBytes, Duration rotateInterval, boolean gzip, Clock clock,
                           int numberAbove) {
        if (rotateBytes <= 0) {
            throw new IllegalArgumentException("rotateBytes must be positive: " + rotateBytes);
        }
        this.dir = dir;
        this.rotateBytes = rotateBytes;
        this.rotateMillis = rotateInterval.toMillis();
        this.gzip = gzip;
        this.clock = clock;
        try {
            Files.createDirectories(dir);
            OutputFiles.cleanUp(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create output folder " + dir, e);
        }
        List<Path> existing = existingFiles(dir);
        lastNumber = numberAbove;
        if (!existing.isEmpty()) {
            Path newest = existing.get(existing.size() - 1);
            lastNumber = Math.max(numberAbove, OutputFiles.number(newest));
            if (!OutputFiles.isGzip(newest)) {
                repairTornTail(newest);
            }
        }
        for (Path file : existing) {
            if (!OutputFiles.isGzip(file)) {
                leftovers.add(file);
            }
        }
    }

    /**
     * With gzip on, compresses the plain files of earlier runs (a crash kept them from being compressed): they are
     * closed for good. Does nothing the second time.
     */
    public void compressLeftovers() {
        if (gzip) {
            for (Path file : leftovers) {
                try {
                    OutputFiles.gzip(file);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot compress " + file, e);
                }
            }
        }
        leftovers.clear();
    }

    /**
     * {@code listener} is told each time a file is closed and synced, before it is compressed and before the next
     * file is started: every line before the mark it gets ({@code next number, 0}) is on the disk. Called on the
     * writing thread; an exception from it fails the write that rotated the file.
     */
    public void afterFileSynced(Consumer<OutputMark> listener) {
        this.afterFileSynced = listener;
    }



    /**
     * {@code listener} is told, in one line, each time the open file was found removed (or replaced) and its lines
     * were written again to a new file. Called on the writing thread.
     */
    public void onRecovered(Consumer<String> listener) {
        this.onRecovered = listener;
    }

    /**
     * {@code step} runs at the start of every {@link #sync} (a rotation's too), before any line is forced to the
     * disk: the WARC output syncs there, so no line is on the disk before the record it names. Its failure fails
     * the sync.
     */
    void beforeSync(SyncStep step) {
        this.beforeSync = step;
    }

    /** Work done before the lines are synced. */
    interface SyncStep {
        void run() throws IOException;
    }

    /** How new files are opened: a test hands in channels that fail (a full disk, say). Call before the first write. */
    void channelOpener(ChannelOpener opener) {
        this.opener = opener;
    }

    /** Opens a new output file for appending; it must not exist yet. */
    interface ChannelOpener {
        FileChannel open(Path file) throws IOException;
    }

    /**
     * The {@code articles-NNNN.jsonl} and {@code articles-NNNN.jsonl.gz} files in {@code dir}, oldest (lowest
     * number) first.
     */
    public static List<Path> existingFiles(Path dir) {
        return OutputFiles.list(dir);
    }

    /** Writes {@code line} as one line, starting the next file first if this one would pass the limit. */
    public void write(JsonObject line) throws IOException {
        writeLine(JsonLine.encode(line));
    }

    /** Writes one line already encoded by {@link JsonLine} (or {@link ArticleJson#line}), newline included. */
    void writeLine(byte[] bytes) throws IOException {
        if (closed) {
            throw new IOException("writer is closed");
        }
        if (channel != null && (size > 0 && size + bytes.length > rotateBytes || intervalPassed())) {
            closeCurrent();
        }
        if (channel == null) {
            openNext();
        }
        appendWhole(bytes);
        lines++;
    }

    /**
     * Closes the current file if it has been open for {@code rotateInterval}, so that a quiet crawl still
     * hands finished files on; the next line starts a new file. True when a file was closed.
     */
    public boolean rotateIfDue() throws IOException {
        if (channel != null && !closed && intervalPassed()) {
            closeCurrent();
            return true;
        }
        return false;
    }

    private boolean intervalPassed() {
        return rotateMillis > 0 && clock.millis() - openedAt >= rotateMillis;
    }

    /**
     * Forces everything written so far to the storage device. If the open file was removed meanwhile, its lines are
     * first written again to the next file (see {@link #onRecovered}), so they are not lost with the removed file.
     */
    public void sync() throws IOException {
        beforeSync.run();
        repairTornClosed();
        if (unsyncedClosed != null) {
            try (FileChannel ch = FileChannel.open(unsyncedClosed, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            unsyncedClosed = null;
        }
        if (channel != null && !current.inPlace()) {
            recoverRemoved();
        }
        if (channel != null) {
            // true: the file length is metadata, and an appended line is lost without it.
            channel.force(true);
        }
    }

    /**
     * Where the next line goes: the end of the open file, or the start of the next one when none is open.
     * Every line written so far is before it.
     */
    public OutputMark position() {
        return channel != null ? new OutputMark(lastNumber, size) : new OutputMark(lastNumber + 1, 0);
    }

    /** The files this writer created, in order (a compressed file by its {@code .gz} name). */
    public List<Path> files() {
        return List.copyOf(files);
    }

    /** Lines written by this writer. */
    public long linesWritten() {
        return lines;
    }

    /** Syncs and closes the current file. Calling it again does nothing. */
    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            repairTornClosed();
            closeCurrent();
        }
    }

    /**
     * Cuts an unfinished last line (a file not ending in {@code '\n'}) off {@code file}.
     *
     * @return the bytes removed, 0 when the file ends with a whole line, is empty or does not exist
     * @throws UncheckedIOException if the file cannot be read or truncated
     */
    public static int repairTornTail(Path file) {
        if (!Files.isRegularFile(file)) {
            return 0;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long length = ch.size();
            long keep = TailScanner.endOfLastLine(ch, length);
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

    private void appendWhole(byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        try {
            // A blocking FileChannel writes everything in one call; the loop is only a guard.
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            size += bytes.length;
        } catch (IOException e) {
            dropPartialLine();
            throw e;
        }
    }

    // After a failed write (disk full, say) part of the line may be in the file. Cut it off so the next
    // line does not start mid-line; if even that fails, leave this file, cut it at the next sync or close, and
    // start a fresh one next time.
    private void dropPartialLine() {
        try {
            channel.truncate(size);
        } catch (IOException truncateFailed) {
            try {
                current.close();
            } catch (IOException ignored) {
                // the file is abandoned either way; its tail is repaired when the folder is next opened
            }
            channel = null;
            current = null;
            unsyncedClosed = files.get(files.size() - 1); // its earlier lines still need their sync
            tornClosed = unsyncedClosed; // only the newest file is repaired when the folder is opened again
        }
    }

    private void repairTornClosed() throws IOException {
        if (tornClosed != null) {
            try {
                repairTornTail(tornClosed); // also syncs it
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            tornClosed = null;
        }
    }

    // The lines are still in the removed inode, which our channels keep alive: copy them under the next number.
    private void recoverRemoved() throws IOException {
        OpenFile gone = current;
        long bytes = size;
        channel = null;
        current = null;
        files.remove(files.size() - 1);
        try {
            openNext();
            gone.copyTo(channel, bytes);
            size = bytes;
        } finally {
            gone.close();
        }
        onRecovered.accept("output file " + gone.path + " was removed while open; its " + bytes
                + " bytes of whole lines were written again to " + current.path);
    }

    private void openNext() throws IOException {
        while (true) {
            Path file = OutputFiles.plain(dir, ++lastNumber);
            try {
                // CREATE_NEW: never append to a file some other run (or process) wrote.
                channel = opener.open(file);
                try {
                    current = OpenFile.of(file, channel);
                } catch (IOException e) {
                    channel.close();
                    channel = null;
                    throw e;
                }
                OutputFiles.syncDir(dir); // the new name must survive a power loss with the lines synced into it
                size = 0;
                openedAt = clock.millis();
                files.add(file);
                return;
            } catch (FileAlreadyExistsException taken) {
                // created since we listed the folder; try the next number
            }
        }
    }

    private void closeCurrent() throws IOException {
        if (channel != null) {
            try {
                sync();
            } catch (IOException e) {
                unsyncedClosed = files.get(files.size() - 1);
                throw e;
            } finally {
                current.close();
                channel = null;
                current = null;
            }
            afterFileSynced.accept(new OutputMark(lastNumber + 1, 0));
            if (gzip) {
                int last = files.size() - 1;
                files.set(last, OutputFiles.gzip(files.get(last)));
            }
        }
    }
}
