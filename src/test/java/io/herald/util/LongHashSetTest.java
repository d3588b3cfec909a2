package io.herald.util;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class LongHashSetTest {
    @Test
    void longHashSetAgreesWithHashSetUnderAddAndRemove() {
        // Removal in open addressing is the easy thing to get wrong; compare against the JDK set,
        // with a small value range so there are many collisions and removals of present values.
        LongHashSet set = new LongHashSet();
        Set<Long> reference = new HashSet<>();
        Random random = new Random(42);
        for (int i = 0; i < 200_000; i++) {
            long value = random.nextInt(5_000) - 100L; // includes 0 and negatives
            boolean add = random.nextInt(3) != 0;
            assertThat(add ? set.add(value) : set.remove(value))
                    .isEqualTo(add ? reference.add(value) : reference.remove(value));
        }
        assertThat(set.size()).isEqualTo(reference.size());
        for (long v = -100; v < 4_900; v++) {
            assertThat(set.contains(v)).isEqualTo(reference.contains(v));
        }
    }

    @Test
    void hashSpreadsSimilarKeys() {
        Set<Long> hashes = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            hashes.add(UrlHash.of("http://h/article/" + i));
        }
        assertThat(hashes).hasSize(100_000);
    }
}
