package io.herald.sink;

import io.herald.config.OutputConfig;
import io.herald.model.Article;
import io.herald.model.Fault;
import io.herald.model.HttpCapture;
import io.herald.model.WarcRef;
import io.herald.util.DiskFull;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One run's use of the output folder, on the sink's writer thread: opening it after a restart (in the order that
 * keeps each article written once), writing lines, syncing them and storing their keys, rotating and closing.
 *
 * <p>A failed write, sync or rotation (a full disk, say) is a {@link Fault}, and it sticks: from then on every
 * write, sync and rotation fails. The frontier commits finished URLs only after a sync succeeds, so no URL whose
 * article could not be written is committed as done. Every method but {@link #fault()}
 * runs on one thread at a time.
 */
final class OutputSession {
    private static final Logger LOG = LoggerFactory.getLogger(OutputSession.class);
    private final OutputConfig config;
    private final ArticleDeduper deduper;
    private final JsonLinesWriter writer;
    /** Null when {@code output.warc} is off. */
    private final WarcOutput warc;
    private final long linesRead;
    private final AtomicLong synced;
    /** Set on the writer's thread before the failure is answered, so every later call sees it. */
    private volatile Fault fault;

    private OutputSession(OutputConfig config, ArticleDeduper deduper, JsonLinesWriter writer, WarcOutput warc,
                          long linesRead, AtomicLong synced) {
        this.config = config;
        this.warc = warc;
        this.synced = synced;
        this.deduper = deduper;
        this.writer = writer;
        this.linesRead = linesRead;
    }

    /**
     * Opens the output for a run: cuts a torn last line, reads back the lines after the keys' last recorded sync
     * (all earlier output when the keys are not kept), then compresses the earlier runs' plain files.
     *
     * @param synced    set to the number of this run's lines on the disk after each sync (read by any thread)
     * @param recovered run each time the open file was found removed and its lines were written again
     */
    static OutputSession open(OutputConfig config, ArticleDeduper deduper, Clock clock, AtomicLong synced,
                              Runnable recovered) {
        return open(config, deduper, clock, synced, recovered, Map.of());
    }

    /**
     * As above; with {@code output.warc} on, also cuts a torn tail off the newest WARC file (before anything else,
     * so no line read back can count on a record that is not whole).
     *
     * @param warcInfo the fields of each WARC file's {@code warcinfo} record
     */
    static OutputSession open(OutputConfig config, ArticleDeduper deduper, Clock clock, AtomicLong synced,
                              Runnable recovered, Map<String, String> warcInfo) {
        WarcOutput warc = config.warc() ? new WarcOutput(config.dir(), config.warcMaxBytes(), warcInfo, clock) : null;
        OutputMark mark = deduper.mark();
        // Order matters when downstream jobs take closed files away: read the earlier runs' last lines back and
        // store their keys before a leftover file is compressed (and so handed on) or a new file is started.
        JsonLinesWriter writer = new JsonLinesWriter(config.dir(), config.rotateBytes(), config.rotateInterval(),
                config.gzip(), clock, lastNumberUsed(mark));
        long read = OutputReader.rememberAfter(JsonLinesWriter.existingFiles(config.dir()), mark, deduper,
                deduper::marked);
        deduper.marked(writer.position());
        writer.compressLeftovers();
        writer.afterFileSynced(deduper::marked); // a rotated file's keys are stored before it is handed on
        writer.onRecovered(line -> {
            recovered.run();
            LOG.warn("{}", line);
        });
        if (warc != null) {
            writer.beforeSync(warc::sync); // records reach the disk no later than the lines that name them
        }
        LOG.info("Writing articles to {}; {} from earlier runs will not be written again ({} lines read back{})",
                config.dir(), deduper.size(), read, mark == null ? "" : " after the last recorded sync");
        return new OutputSession(config, deduper, writer, warc, read, synced);
    }

    /** The highest file number the mark says was used (0 when none): it may since have been taken away. */
    private static int lastNumberUsed(OutputMark mark) {
        if (mark == null) {
            return 0;
        }
        return mark.offset() > 0 ? mark.file() : Math.max(0, mark.file() - 1);
    }

    /** Lines of earlier runs read back at the start; only tests read it, to check how far the restart read back. */
    long linesRead() {
        return linesRead;
    }

    /** The first failure, or null; read by any thread. */
    Fault fault() {
        return fault;
    }

    /** Writes the article's line and records its key (claimed earlier by the caller). */
    void write(Article article) throws IOException {
        ifNotFaulted();
        try {
            writer.writeLine(ArticleJson.line(article));
        } catch (IOException e) {
            faulted("output.dir", config.dir().toString(), e);
            throw e;
        }
        try { // the line is out: a failure to record its key must not turn into "write failed" (and a second copy)
            deduper.written(article);
        } catch (RuntimeException e) {
            LOG.warn("Article {} is written but its key could not be recorded: {}", article.url(), e.toString());
        }
    }

    /** Writes a fetch's WARC records; returns where its response record starts. Only with {@code output.warc}. */
    WarcRef record(HttpCapture capture) throws IOException {
        ifNotFaulted();
        if (warc == null) {
            throw new IllegalStateException("output.warc is off");
        }
        try {
            return warc.write(capture);
        } catch (IOException e) {
            faulted("output.dir", config.dir().toString(), e);
            throw e;
        }
    }

    /**
     * Forces every line written so far to the disk, then stores their keys with the position: only lines on the
     * disk may have their keys stored and count as synced.
     */
    void syncAndMark() throws IOException {
        ifNotFaulted();
        long lines = writer.linesWritten();
        try {
            writer.sync();
        } catch (IOException e) {
            faulted("output.dir", config.dir().toString(), e);
            throw e;
        }
        synced.set(lines);
        try {
            deduper.marked(writer.position());
        } catch (RuntimeException e) { // the keys live in the state, which may be the full disk
            faulted("state.dir", null, e);
            throw e;
        }
    }

    /** Closes the open file if its {@code rotateInterval} has passed. */
    void rotateIfDue() throws IOException {
        ifNotFaulted();
        try {
            writer.rotateIfDue();
        } catch (IOException e) {
            faulted("output.dir", config.dir().toString(), e);
            throw e;
        }
    }

    /**
     * Closes the output and stores the keys of its lines. After a fault the lines already written are still worth
     * syncing and their keys storing; if that fails too, a resume reads them back from the output, as after a
     * crash, so then the close does not fail.
     */
    void close() throws IOException {
        if (fault == null) {
            writer.close(); // syncs the WARC output first
            if (warc != null) {
                warc.close();
            }
            synced.set(writer.linesWritten());
            deduper.marked(writer.position());
            return;
        }
        try {
            writer.close();
            deduper.marked(writer.position());
            if (warc != null) {
                warc.close();
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not close the output after the fault ({}); a resume reads its last lines back", e.toString());
        }
    }

    private void ifNotFaulted() throws IOException {
        if (fault != null) {
            throw new IOException("the output stopped after an earlier failure: " + fault.reason());
        }
    }

    // The first failure is the one reported.
    private void faulted(String key, String value, Exception e) {
        if (fault == null) {
            String error = e.getMessage() == null ? e.toString() : e.getMessage();
            fault = new Fault(key, value, error, DiskFull.causes(e));
        }
    }
}
