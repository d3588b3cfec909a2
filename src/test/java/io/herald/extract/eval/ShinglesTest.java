package io.herald.extract.eval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShinglesTest {
    @Test
    void countsFourWordRunsCaseInsensitivelyAndAcrossPunctuation() {
        Shingles s = Shingles.of("The cat sat on the mat.");
        assertThat(s.size()).isEqualTo(3);
        assertThat(s.overlap(Shingles.of("the CAT, sat on!"))).isEqualTo(1);
    }

    @Test
    void repeatsCountOnlyAsOftenAsBothSidesHaveThem() {
        Shingles twice = Shingles.of("a b c d a b c d");
        assertThat(twice.overlap(Shingles.of("a b c d"))).isEqualTo(1);
        assertThat(twice.overlap(twice)).isEqualTo(twice.size());
    }

    @Test
    void unicodeWordsAndShortTexts() {
        assertThat(Shingles.tokens("Тёплая осень, «журавли»")).containsExactly("тёплая", "осень", "журавли");
        assertThat(Shingles.of("two words").size()).isEqualTo(1);
        assertThat(Shingles.of("").size()).isZero();
    }

    @Test
    void datesCompareAsInstantsWhenBothHaveOffsets() {
        assertThat(Evaluation.sameDate("2024-02-27T14:30:00+00:00", "2024-02-27T09:30:00-05:00")).isTrue();
        assertThat(Evaluation.sameDate("2024-02-27", "2024-02-27T09:30:00-05:00")).isFalse();
        assertThat(Evaluation.sameDate(null, null)).isTrue();
    }
}
