package io.herald.sink;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

import java.io.BufferedReader;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.InputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads output written by earlier runs of a crawl back into the deduper, which is what makes "once per
 * crawl" hold across a stop and a resume: pages in flight when a crawl stopped are fetched again. With a
 * mark (the keys are kept in the crawl's store) only the output after it is read: the lines written between
 * the last recorded sync and the stop; a plain file read is synced before its mark is handed on, since the keys
 * stored with that mark must not outlive its lines in a power loss.
 */
final class OutputReader {
    private OutputReader() {
    }

    /**
     * Remembers every article in {@code files} after {@code mark} (all of them when it is null); returns how
     * many lines were read. Bad lines are skipped; a file older than the mark is not opened, so files that
     * downstream jobs have taken away do no harm. After each file read, {@code fileDone} gets the mark just
     * past it, so the keys can be stored a file at a time (a whole output read back at once would hold every
     * key in memory).
     */
    static long rememberAfter(List<Path> files, OutputMark mark, ArticleDeduper deduper,
                              Consumer<OutputMark> fileDone) {
        long count = 0;
        for (Path file : files) {
            int number = OutputFiles.number(file);
            if (mark != null && number < mark.file()) {
                continue;
            }
            long skip = mark != null && number == mark.file() ? mark.offset() : 0;
            count += remember(file, skip, deduper);
            if (mark != null && !OutputFiles.isGzip(file)) {
                OutputFiles.force(file); // after kill -9 its last lines may be in the OS cache only: keys need them on disk
            }
            fileDone.accept(new OutputMark(number + 1, 0));
        }
        return count;
    }

    /**
     * Remembers every whole line of {@code files} without changing them (another node's output, say): a plain
     * file is read up to the end of its last whole line, so a torn last line counts for nothing, as the node that
     * wrote it will cut it off when it resumes. Returns how many lines were read.
     */
    static long rememberWholeLines(List<Path> files, ArticleDeduper deduper) throws IOException {
        long count = 0;
        for (Path file : files) {
            long end = Long.MAX_VALUE;
            if (!OutputFiles.isGzip(file)) {
                try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                    end = TailScanner.endOfLastLine(ch, ch.size());
                }
            }
            try (InputStream in = OutputFiles.open(file)) {
                count += remember(in, end, deduper);
            }
        }
        return count;
    }

    private static long remember(Path file, long skip, ArticleDeduper deduper) {
        try (InputStream in = OutputFiles.open(file)) {
            in.skipNBytes(skip);
            return remember(in, Long.MAX_VALUE, deduper);
        } catch (EOFException shorterThanTheMark) {
            return 0; // the synced part is covered by the keys; nothing after it survived
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read earlier output " + file, e);
        }
    }

    /** Remembers the lines of the first {@code limit} bytes of {@code in}. */
    private static long remember(InputStream in, long limit, ArticleDeduper deduper) throws IOException {
        long count = 0;
        BufferedReader reader = new BufferedReader(new InputStreamReader(limited(in, limit), StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            count += remember(line, deduper) ? 1 : 0;
        }
        return count;
    }

    private static InputStream limited(InputStream in, long limit) {
        if (limit == Long.MAX_VALUE) {
            return in;
        }
        return new FilterInputStream(in) {
            private long left = limit;

            @Override
            public int read() throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int b = super.read();
                left -= b < 0 ? 0 : 1;
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int n = super.read(buffer, offset, (int) Math.min(length, left));
                left -= Math.max(n, 0);
                return n;
            }
        };
    }

    private static boolean remember(String line, ArticleDeduper deduper) {
        if (line.isBlank()) {
            return false;
        }
        try {
            deduper.remember(new JsonObject(line));
            return true;
        } catch (DecodeException | ClassCastException notAnArticle) {
            return false;
        }
    }
}
