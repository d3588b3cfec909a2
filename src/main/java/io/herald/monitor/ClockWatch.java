package io.herald.monitor;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Notices the system clock jumping (an NTP step, a VM resumed, a hand-set clock) by comparing the wall clock's
 * progress with the monotonic clock's between two checks. Politeness runs on a monotonic clock, so a jump changes
 * no gap; but {@code fetchedAt} and time rotation follow the wall clock, and an operator reading the output should
 * know why times went back. Each jump past a second is logged once and counted in
 * {@code herald.clock.jumps{direction}}.
 */
public final class ClockWatch {
    private static final Logger LOG = LoggerFactory.getLogger(ClockWatch.class);
    private static final long TOLERANCE_MS = 1000;

    private final LongSupplier wallMillis;
    private final LongSupplier nanoTime;
    private final Counter backwards;
    private final Counter forwards;
    private long lastWall;
    private long lastNanos;

    public ClockWatch(MeterRegistry registry) {
        this(registry, System::currentTimeMillis, System::nanoTime);
    }

    ClockWatch(MeterRegistry registry, LongSupplier wallMillis, LongSupplier nanoTime) {
        this.wallMillis = wallMillis;
        this.nanoTime = nanoTime;
        this.backwards = counter(registry, "backwards");
        this.forwards = counter(registry, "forwards");
        this.lastWall = wallMillis.getAsLong();
        this.lastNanos = nanoTime.getAsLong();
    }

    /** Compares the clocks since the last check; returns the jump in ms (negative: backwards), 0 within a second. */
    public long check() {
        long wall = wallMillis.getAsLong();
        long nanos = nanoTime.getAsLong();
        long jump = (wall - lastWall) - (nanos - lastNanos) / 1_000_000L;
        lastWall = wall;
        lastNanos = nanos;
        if (Math.abs(jump) <= TOLERANCE_MS) {
            return 0;
        }
        (jump < 0 ? backwards : forwards).increment();
        LOG.warn(String.format(Locale.ROOT, "the system clock jumped %s by %.1f s: politeness keeps its gaps (it runs"
                + " on a monotonic clock); fetchedAt and output.rotateInterval follow the system clock",
                jump < 0 ? "back" : "forward", Math.abs(jump) / 1000.0));
        return jump;
    }

    private static Counter counter(MeterRegistry registry, String direction) {
        return Counter.builder("herald.clock.jumps").tag("direction", direction)
                .description("Jumps of the system clock of more than a second, seen against the monotonic clock")
                .register(registry);
    }
}
