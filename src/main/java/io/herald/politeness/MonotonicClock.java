package io.herald.politeness;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock whose millis never go backwards: wall time at creation plus {@link System#nanoTime()}
 * elapsed since. Politeness gaps are measured with it, so an NTP step cannot shorten a delay.
 */
public final class MonotonicClock extends Clock {
    private final long originMillis = System.currentTimeMillis();
    private final long originNanos = System.nanoTime();

    @Override
    public long millis() {
        return originMillis + (System.nanoTime() - originNanos) / 1_000_000L;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a monotonic clock has no zone");
    }
}
