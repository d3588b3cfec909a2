package io.herald.sink;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads output written by earlier runs of a crawl back into the deduper, which is what makes "once per
 * crawl" hold across a stop and a resume: pages in flight when a crawl stopped are fetched again.
 */
final class OutputReader {
    private OutputReader() {
    }

    /** Remembers every article in {@code files}; returns how many lines were read. Bad lines are skipped. */
    static long rememberAll(List<Path> files, ArticleDeduper deduper) {
        long count = 0;
        for (Path file : files) {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(OutputFiles.open(file),
                    StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    count += remember(line, deduper) ? 1 : 0;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read earlier output " + file, e);
            }
        }
        return count;
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
