package io.herald.politeness;

import io.herald.politeness.Delay.Reason;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The reasons' labels are what /status shows and what the saved host state holds: they must not drift. */
class DelayTest {
    @Test
    void reasonsHaveTheLabelsStatusAndTheSavedStateUse() {
        assertThat(Reason.values()).extracting(Reason::label)
                .containsExactly("configured", "crawl-delay", "adaptive", "retry-after", "backoff", "parked");
    }

    @Test
    void aLabelReadsBackAsItsReasonAndAnUnknownOneAsNone() {
        for (Reason reason : Reason.values()) {
            assertThat(Reason.ofLabel(reason.label())).contains(reason);
        }
        assertThat(Reason.ofLabel("CONFIGURED")).isEmpty();
        assertThat(Reason.ofLabel("slow")).isEmpty();
    }

    @Test
    void oneAtATimeFollowsTheFixedPartNotTheValue() {
        assertThat(Delay.NONE.oneAtATime()).isFalse();
        assertThat(new Delay(Duration.ofSeconds(3), Reason.ADAPTIVE, Duration.ZERO).oneAtATime()).isFalse();
        assertThat(new Delay(Duration.ofSeconds(3), Reason.ADAPTIVE, Duration.ofMillis(1)).oneAtATime()).isTrue();
    }

    @Test
    void aParkIsFixedAndNamedParked() {
        Delay park = Delay.parked(Duration.ofMinutes(2));
        assertThat(park).isEqualTo(new Delay(Duration.ofMinutes(2), Reason.PARKED, Duration.ofMinutes(2)));
        assertThat(park.millis()).isEqualTo(120_000);
    }
}
