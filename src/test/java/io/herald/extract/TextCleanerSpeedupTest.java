package io.herald.extract;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written whitespace loop agrees with the regex it replaced, on random text. */
class TextCleanerSpeedupTest {
    private static final Pattern SPACE = Pattern.compile("[\\s\\u00A0\\u2000-\\u200B\\u202F\\u205F\\u3000\\uFEFF]+");
    private static final String ALPHABET = "ab Z09_ \t\n\r\u00A0\u2003\u200B\u3000\uFEFF.,;-éßжЯ漢字\u0301\u200D€😀";

    private final Random random = new Random();

    private String randomText() {
        StringBuilder s = new StringBuilder();
        int length = random.nextInt(80);
        int[] cps = ALPHABET.codePoints().toArray();
        for (int i = 0; i < length; i++) {
            s.appendCodePoint(cps[random.nextInt(cps.length)]);
        }
        return s.toString();
    }

    @RepeatedTest(20)
    void normalizeMatchesTheRegex() {
        for (int i = 0; i < 200; i++) {
            String text = randomText();
            assertThat(TextCleaner.normalize(text)).as(text).isEqualTo(SPACE.matcher(text).replaceAll(" ").strip());
        }
    }


    @Test
    void textWithNothingToCollapseIsReturnedAsIs() {
        String clean = "Nothing to collapse here.";
        assertThat(TextCleaner.normalize(clean)).isSameAs(clean);
    }
}
