package io.herald.app;

import io.herald.config.CrawlConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code --fresh}: the state folder and the output folder of an earlier run are renamed to
 * {@code NAME.old-YYYYMMDD-HHMMSS} beside themselves, never deleted, so a mistaken {@code --fresh} loses
 * nothing. Empty or missing folders are left as they are.
 */
final class FreshStart {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    private FreshStart() {
    }

    /** Moves the folders aside; returns one line per move for the console. */
    static List<String> moveAside(CrawlConfig config, LocalDateTime now) {
        List<String> moves = new ArrayList<>();
        String suffix = ".old-" + STAMP.format(now);
        for (Path dir : List.of(config.state().dir(), config.output().dir())) {
            if (hasContent(dir)) {
                Path target = unused(dir.resolveSibling(dir.getFileName() + suffix));
                try {
                    Files.move(dir, target);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot move " + dir + " aside to " + target, e);
                }
                moves.add("--fresh: moved " + dir + " to " + target + " (delete it yourself when no longer needed)");
            }
        }
        return moves;
    }

    private static boolean hasContent(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isPresent();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
        }
    }

    private static Path unused(Path path) {
        Path candidate = path;
        for (int n = 2; Files.exists(candidate); n++) {
            candidate = path.resolveSibling(path.getFileName() + "-" + n);
        }
        return candidate;
    }
}
