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
 * @param minFreeDisk    a crawl does not start while the disk of {@code output.dir} (or of a durable
 *                       {@code state.dir}) has less free space than this; 0 = no check
 * @param warc           whether every fetch's request and response are also written as WARC records
 * @param warcMaxBytes   a WARC file is closed and the next one started before it would grow past this
 */
public record OutputConfig(Path dir, long rotateBytes, Duration rotateInterval, boolean gzip, long minFreeDisk,
                           boolean warc, long warcMaxBytes) {
    /** Below this a file system counts as full: a few articles and the store's next log would not fit. */
    public static final long DEFAULT_MIN_FREE_DISK = 1L << 20;

    /** The default of {@code output.warcMaxBytes}: 1 GB, the WARC standard's customary file size. */
    public static final long DEFAULT_WARC_MAX_BYTES = 1L << 30;

    /** The default free-space floor, no WARC output. */
    public OutputConfig(Path dir, long rotateBytes, Duration rotateInterval, boolean gzip) {
        this(dir, rotateBytes, rotateInterval, gzip, DEFAULT_MIN_FREE_DISK, false, DEFAULT_WARC_MAX_BYTES);
    }

    /** Size rotation only, no compression: what tests and small crawls use. */
    public OutputConfig(Path dir, long rotateBytes) {
        this(dir, rotateBytes, Duration.ZERO, false);
    }

    /** This configuration with WARC output on, files closed at {@code maxBytes}. */
    public OutputConfig withWarc(long maxBytes) {
        return new OutputConfig(dir, rotateBytes, rotateInterval, gzip, minFreeDisk, true, maxBytes);
    }
}
