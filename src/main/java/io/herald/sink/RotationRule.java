package io.herald.sink;

import java.time.Duration;

/**
 * When the open output file is closed and the next one started: before a line that would take it past
 * {@code rotateBytes} (a line larger than that on its own still gets a file to itself), and once it has been open
 * for {@code rotateInterval}, so a quiet crawl still hands finished files on.
 *
 * @param rotateBytes  positive
 * @param rotateMillis zero: never by time
 */
record RotationRule(long rotateBytes, long rotateMillis) {
    RotationRule {
        if (rotateBytes <= 0) {
            throw new IllegalArgumentException("rotateBytes must be positive: " + rotateBytes);
        }
    }

    RotationRule(long rotateBytes, Duration rotateInterval) {
        this(rotateBytes, rotateInterval.toMillis());
    }

    /** Whether {@code segment} must be closed before a line of {@code lineBytes} is written at {@code now}. */
    boolean before(Segment segment, int lineBytes, long now) {
        return segment.size() > 0 && segment.size() + lineBytes > rotateBytes || aged(segment, now);
    }

    /** Whether {@code segment} has been open for the interval. */
    boolean aged(Segment segment, long now) {
        return rotateMillis > 0 && now - segment.openedAt >= rotateMillis;
    }
}
