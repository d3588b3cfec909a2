package io.herald.sink;

import io.herald.model.HttpCapture;
import io.herald.model.WarcRef;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Appends the WARC records of fetches to {@code herald-TIMESTAMP-NNNNN.warc.gz} files in the output folder, each
 * started with a {@code warcinfo} record and closed (synced) once the next fetch would take it past
 * {@code maxBytes}. A fetch's request and response records (one gzip member each) go to the file in a single
 * {@code write} on an append-mode channel, like a JSON line, so a crash of the JVM leaves them whole in the OS; a
 * crash in the middle of a write can tear only the end of the newest file, and the next run cuts that off
 * ({@link #repair}) before it starts a file of its own. Numbers continue after the highest in the folder and the
 * timestamp (the file's start, UTC) keeps names unique even when earlier files were moved away.
 *
 * <p>Not thread-safe: the sink's writer thread owns it.
 */
final class WarcOutput implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(WarcOutput.class);
    static final Pattern NAME = Pattern.compile("herald-([0-9]{14})-([0-9]{5,9})\\.warc\\.gz");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final Path dir;
    private final long maxBytes;
    private final Map<String, String> info;
    private final Clock clock;
    private final WarcRecords records = new WarcRecords();
    private final List<Path> files = new ArrayList<>();
    private int lastNumber;
    private FileChannel channel;
    private String name;
    private URI warcinfoId;
    private long size;
    private long infoSize;
    private boolean closed;

    /**
     * Opens the folder: cuts a torn tail off the newest WARC file of an earlier run.
     *
     * @param maxBytes a file is closed before a fetch would take it past this, unless it holds only its warcinfo
     * @param info     the warcinfo fields of every file ({@code software}, {@code isPartOf}, …)
     */
    WarcOutput(Path dir, long maxBytes, Map<String, String> info, Clock clock) {
        this.dir = dir;
        this.maxBytes = maxBytes;
        this.info = new LinkedHashMap<>(info);
        this.clock = clock;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create output folder " + dir, e);
        }
        List<Path> existing = existingFiles(dir);
        if (!existing.isEmpty()) {
            Path newest = existing.get(existing.size() - 1);
            lastNumber = number(newest);
            long cut = repair(newest);
            if (cut > 0) {
                LOG.warn("Cut {} bytes of a torn WARC record off the end of {} (left by a crash)", cut, newest);
            }
        }
    }

    /** The WARC files in {@code dir}, lowest number first. */
    static List<Path> existingFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> NAME.matcher(p.getFileName().toString()).matches())
                    .sorted((a, b) -> Integer.compare(number(a), number(b))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list output folder " + dir, e);
        }
    }

    static int number(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        return m.matches() ? Integer.parseInt(m.group(2)) : 0;
    }

    /**
     * Cuts everything after the last whole record pair off {@code file} (see {@link WarcTail}), and removes the file
     * if nothing is left of it.
     *
     * @return the bytes removed
     */
    static long repair(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long length = ch.size();
            long keep = WarcTail.wholeLength(ch);
            if (keep == length) {
                return 0;
            }
            ch.truncate(keep);
            ch.force(true);
            if (keep == 0) {
                Files.delete(file);
                OutputFiles.syncDir(file.getParent());
            }
            return length - keep;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot repair " + file, e);
        }
    }

    /** Writes the exchange's request and response records; returns where the response record starts. */
    WarcRef write(HttpCapture capture) throws IOException {
        if (closed) {
            throw new IOException("WARC output is closed");
        }
        if (channel == null) {
            openNext();
        }
        WarcRecords.Pair pair = records.exchange(capture, warcinfoId);
        if (size + pair.length() > maxBytes && size > infoSize) { // a fetch too large on its own gets a file alone
            closeCurrent();
            openNext();
            pair = records.exchange(capture, warcinfoId); // they name the new file's warcinfo
        }
        long offset = size + pair.request().length;
        ByteBuffer both = ByteBuffer.allocate(pair.length());
        both.put(pair.request()).put(pair.response()).flip();
        appendWhole(both);
        return new WarcRef(name, offset);
    }

    /** Forces every record written so far to the storage device. */
    void sync() throws IOException {
        if (channel != null) {
            channel.force(true); // true: the length is metadata, and an appended record is lost without it
        }
    }

    /** The files this writer created, in order. */
    List<Path> files() {
        return List.copyOf(files);
    }

    /** Syncs and closes the current file. Calling it again does nothing. */
    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            closeCurrent();
        }
    }

    private void appendWhole(ByteBuffer buffer) throws IOException {
        int length = buffer.remaining();
        try {
            while (buffer.hasRemaining()) { // a blocking FileChannel writes it all in one call; the loop is a guard
                channel.write(buffer);
            }
            size += length;
        } catch (IOException e) {
            try {
                channel.truncate(size); // no partial record before the next one
            } catch (IOException ignored) {
                // left for the repair at the next start; the sink faults on this write anyway
            }
            throw e;
        }
    }

    private void openNext() throws IOException {
        while (true) {
            Instant now = clock.instant();
            String next = String.format(Locale.ROOT, "herald-%s-%05d.warc.gz", STAMP.format(now), ++lastNumber);
            Path file = dir.resolve(next);
            try {
                channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND);
            } catch (FileAlreadyExistsException taken) {
                continue;
            }
            OutputFiles.syncDir(dir);
            files.add(file);
            name = next;
            size = 0;
            warcinfoId = WarcRecords.uuid();
            appendWhole(ByteBuffer.wrap(records.warcinfo(warcinfoId, next, now, info)));
            infoSize = size;
            return;
        }
    }

    private void closeCurrent() throws IOException {
        if (channel != null) {
            try {
                channel.force(true);
            } finally {
                channel.close();
                channel = null;
            }
        }
    }
}
