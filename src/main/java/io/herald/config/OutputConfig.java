package io.herald.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The {@code output} section.
 *
 * @param dir            folder for {@code articles-NNNN.jsonl} and {@code summary.json}
 * @param rotateBytes    a file is closed and the next one started once it reaches this size
 * @param rotateInterval a file is closed once it has been open this long (zero: no rotation by time)
 * @param gzip           whether a closed file is compressed to {@code articles-NNNN.jsonl.gz}
 */
public record OutputConfig(Path dir, long rotateBytes, Duration rotateInterval, boolean gzip) {
    /** Size rotation only, no compression: what tests and small crawls use. */
    public OutputConfig(Path dir, long rotateBytes) {
        this(dir, rotateBytes, Duration.ZERO, false);
    }
}
