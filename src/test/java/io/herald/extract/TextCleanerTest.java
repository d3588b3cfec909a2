package io.herald.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Paragraph hygiene (the whitespace fast path is proved against a regex in {@link FastPathsTest}). */
class TextCleanerTest {
    @Test
    void charactersAreComposedSoTheSameWordIsSpelledOneWay() {
        // Bengali য় as a precomposed letter (a composition exclusion: NFC spells it with a nukta), a Mac's
        // decomposed umlaut, a Vietnamese tone mark
        assertThat(TextCleaner.clean("কুষ্টি\u09DFা  Gru\u0308\u00DFe Vie\u0302\u0323t"))
                .isEqualTo("কুষ্টি\u09AF\u09BCা Grüße Việt");
        String composed = "Already composed: Grüße.";
        assertThat(TextCleaner.clean(composed)).isSameAs(composed);
    }
}
