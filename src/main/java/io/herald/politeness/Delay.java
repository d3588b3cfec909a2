package io.herald.politeness;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * The gap a host is owed, as {@link DelayPolicy} chose it.
 *
 * @param value  the gap: between request starts, and from the end of a response to the next start while
 *               the server has one request in flight at a time
 * @param reason the part that won (the first of equals, in the order {@link DelayPolicy} weighs them)
 * @param fixed  the largest part that is not adaptive (configured delay, Crawl-delay, Retry-After, backoff,
 *               park): while it is above zero the server has one request in flight at a time
 */
record Delay(Duration value, Reason reason, Duration fixed) {
    /** The parts of a delay, by the names {@code /status} and the saved host state use. */
    enum Reason {
        CONFIGURED("configured"),
        CRAWL_DELAY("crawl-delay"),
        ADAPTIVE("adaptive"),
        RETRY_AFTER("retry-after"),
        BACKOFF("backoff"),
        PARKED("parked");

        private final String label;

        Reason(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }

        static Optional<Reason> ofLabel(String label) {
            return Arrays.stream(values()).filter(reason -> reason.label.equals(label)).findFirst();
        }
    }

    /** A host's delay before any was chosen: nothing owed. */
    static final Delay NONE = new Delay(Duration.ZERO, Reason.CONFIGURED, Duration.ZERO);

    /** Circuit open: nothing for {@code parkFor}, and one request at a time after it. */
    static Delay parked(Duration parkFor) {
        return new Delay(parkFor, Reason.PARKED, parkFor);
    }

    /** True while a fixed delay applies: the server gets one request at a time. */
    boolean oneAtATime() {
        return fixed.compareTo(Duration.ZERO) > 0;
    }

    long millis() {
        return value.toMillis();
    }
}
