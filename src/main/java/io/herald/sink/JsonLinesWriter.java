package io.herald.sink;

import io.vertx.core.json.JsonObject;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Appends whole JSON lines to {@code articles-0001.jsonl}, {@code articles-0002.jsonl}, … in one folder.
 *
 * <p>Each line goes to the open {@link Segment} in one write, so once {@link #write} returns it survives a crash of
 * the JVM; only {@link #sync} (called by the owner on a timer and on close) makes it survive a crash of the machine.
 * A crash in the middle of a write can tear only the last line of the newest file, and the next writer on the folder
 * cuts that tail off ({@link OutputFolder}). Each writer starts a new file ({@link FileSequence}), opened on its first
 * line, so earlier runs' files are never appended to. Files rotate by size and age ({@link RotationRule}, checked on
 * each write and by {@link #rotateIfDue}), and with {@code gzip} each file is compressed when it is closed
 * ({@link OutputFiles#gzip}); a closed file is never written again.
 *
 * <p>Not thread-safe: one owner (the sink's {@link OutputSession}) calls it from one thread at a time.
 */
public final class JsonLinesWriter implements Closeable {
    private final RotationRule rotation;
    private final boolean gzip;
    private final Clock clock;
    private final FileSequence sequence;
    private final List<Path> files = new ArrayList<>();
    private final List<Path> leftovers = new ArrayList<>();
    private Consumer<OutputMark> afterFileSynced = mark -> { };
    private Consumer<String> onRecovered = message -> { };
    private final OwedRepairs owed = new OwedRepairs();
    private SyncStep beforeSync = () -> { };
    private Segment current;
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
        this.rotation = new RotationRule(rotateBytes, rotateInterval);
        this.gzip = gzip;
        this.clock = clock;
        OutputFolder folder = OutputFolder.open(dir, numberAbove);
        this.sequence = new FileSequence(dir, folder.lastNumber(), clock);
        leftovers.addAll(folder.plainFiles());
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
    void channelOpener(FileSequence.ChannelOpener opener) {
        sequence.opener(opener);
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
        if (current != null && rotation.before(current, bytes.length, clock.millis())) {
            closeCurrent();
        }
        if (current == null) {
            openNext();
        }
        try {
            current.append(bytes);
        } catch (IOException e) {
            if (current.torn()) {
                abandonTorn();
            }
            throw e;
        }
        lines++;
    }

    /**
     * Closes the current file if it has been open for {@code rotateInterval}, so that a quiet crawl still
     * hands finished files on; the next line starts a new file. True when a file was closed.
     */
    public boolean rotateIfDue() throws IOException {
        if (current != null && !closed && rotation.aged(current, clock.millis())) {
            closeCurrent();
            return true;
        }
        return false;
    }

    /**
     * Forces everything written so far to the storage device. If the open file was removed meanwhile, its lines are
     * first written again to the next file (see {@link #onRecovered}), so they are not lost with the removed file.
     */
    public void sync() throws IOException {
        beforeSync.run();
        owed.settle();
        if (current != null && !current.inPlace()) {
            recoverRemoved();
        }
        if (current != null) {
            current.force();
        }
    }

    /**
     * Where the next line goes: the end of the open file, or the start of the next one when none is open.
     * Every line written so far is before it.
     */
    public OutputMark position() {
        return current != null ? new OutputMark(current.number, current.size())
                : new OutputMark(sequence.lastNumber() + 1, 0);
    }

    /** The files this writer created, in order (a compressed file by its {@code .gz} name); what its tests inspect. */
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
            owed.cutTorn();
            closeCurrent();
        }
    }

    // Cutting a failed line off failed too: leave this file, cut it at the next sync or close, and start a fresh one
    // next time.
    private void abandonTorn() {
        try {
            current.close();
        } catch (IOException ignored) {
            // the file is abandoned either way; its tail is repaired when the folder is next opened
        }
        current = null;
        owed.torn(files.get(files.size() - 1));
    }

    // The lines are still in the removed inode, which our channels keep alive: copy them under the next number.
    private void recoverRemoved() throws IOException {
        Segment gone = current;
        current = null;
        files.remove(files.size() - 1);
        try {
            openNext();
            current.copyFrom(gone);
        } finally {
            gone.close();
        }
        onRecovered.accept("output file " + gone.path() + " was removed while open; its " + gone.size()
                + " bytes of whole lines were written again to " + current.path());
    }

    private void openNext() throws IOException {
        current = sequence.next();
        files.add(current.path());
    }

    private void closeCurrent() throws IOException {
        if (current != null) {
            try {
                sync();
            } catch (IOException e) {
                owed.unsynced(files.get(files.size() - 1));
                throw e;
            } finally {
                current.close();
                current = null;
            }
            afterFileSynced.accept(new OutputMark(sequence.lastNumber() + 1, 0));
            if (gzip) {
                int last = files.size() - 1;
                files.set(last, OutputFiles.gzip(files.get(last)));
            }
        }
    }
}
