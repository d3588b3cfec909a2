package io.herald.monitor;

import org.junit.jupiter.api.Test;

import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

class EtaTest {
    @Test
    void pagesLeftOverRateRoundedUp() {
        assertThat(Eta.seconds(1000, 400, 10.0)).hasValue(60);
        assertThat(Eta.seconds(1000, 999, 3.0)).hasValue(1); // 1/3 s rounds up
        assertThat(Eta.seconds(100_000, 0, 7.5)).hasValue(13_334);
    }

    @Test
    void spentBudgetIsZeroAndNoRateIsUnknown() {
        assertThat(Eta.seconds(1000, 1000, 0.0)).hasValue(0);
        assertThat(Eta.seconds(1000, 1200, 5.0)).hasValue(0); // a resumed crawl may have started more
        assertThat(Eta.seconds(1000, 10, 0.0)).isEmpty();
        assertThat(Eta.seconds(1000, 10, Double.NaN)).isEmpty();
    }

    @Test
    void formatsMinutesAndHours() {
        assertThat(Eta.format(OptionalLong.of(61))).isEqualTo("ETA 01:01");
        assertThat(Eta.format(OptionalLong.of(3723))).isEqualTo("ETA 1:02:03");
        assertThat(Eta.format(OptionalLong.empty())).isEqualTo("ETA --:--");
    }
}
