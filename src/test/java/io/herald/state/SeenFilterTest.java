package io.herald.state;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeenFilterTest {
    @Test
    void neverForgetsAKeyAndRarelyClaimsAnUnseenOne() {
        SeenFilter filter = new SeenFilter(64 * 1024); // 524,288 bits for 50,000 keys: ~10.5 bits a key
        SplittableRandom random = new SplittableRandom(42);
        long[][] added = new long[50_000][];
        for (int i = 0; i < added.length; i++) {
            added[i] = new long[] {random.nextLong(), random.nextLong()};
            filter.add(added[i][0], added[i][1]);
        }
        for (long[] key : added) {
            assertThat(filter.mightContain(key[0], key[1])).isTrue();
        }
        int falsePositives = 0;
        for (int i = 0; i < 100_000; i++) {
            falsePositives += filter.mightContain(random.nextLong(), random.nextLong()) ? 1 : 0;
        }
        // theory for 7 probes at 10.5 bits a key: 0.9 %
        assertThat(falsePositives).isBetween(100, 2_000);
    }

    @Test
    void anEmptyFilterHasSeenNothing() {
        SeenFilter filter = new SeenFilter(1024);
        assertThat(filter.mightContain(1, 2)).isFalse();
        assertThat(filter.sizeBytes()).isEqualTo(1024);
    }

    @Test
    void itsSizeIsChecked() {
        assertThatThrownBy(() -> new SeenFilter(4)).isInstanceOf(IllegalArgumentException.class);
    }
}
