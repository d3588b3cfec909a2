package io.herald.extract;

import java.nio.charset.Charset;

/**
 * Tells Cyrillic single-byte text (windows-1251 or KOI8-R) from Western text (windows-1252) by byte
 * statistics, for pages that are not valid UTF-8 and declare no charset. Only bytes outside tags count.
 *
 * <p>Russian text in a single-byte encoding is made almost entirely of high bytes (every letter is one),
 * while Western European text has an accented letter here and there among ASCII letters. Which Cyrillic
 * encoding it is shows in where the most frequent letters (о, е, а, и, н, т, с, р) fall: they are
 * lower-case in windows-1251 at 0xE0–0xFF and in KOI8-R at 0xC0–0xDF.
 */
final class CyrillicGuess {
    static final Charset WINDOWS_1251 = Charset.forName("windows-1251");
    static final Charset KOI8_R = Charset.forName("KOI8-R");
    private static final double MIN_HIGH_SHARE = 0.4;
    private static final int MIN_HIGH_BYTES = 20;
    private static final int[] FREQUENT_1251 = {0xEE, 0xE5, 0xE0, 0xE8, 0xED, 0xF2, 0xF1, 0xF0};
    private static final int[] FREQUENT_KOI8 = {0xCF, 0xC5, 0xC1, 0xC9, 0xCE, 0xD4, 0xD3, 0xD2};

    private CyrillicGuess() {
    }

    /** windows-1251, KOI8-R, or null when the text does not look Cyrillic. */
    static Charset guess(byte[] body) {
        int[] counts = new int[256];
        int asciiLetters = 0;
        int high = 0;
        boolean inTag = false;
        for (byte x : body) {
            int b = x & 0xFF;
            if (b == '<') {
                inTag = true;
            } else if (b == '>') {
                inTag = false;
            } else if (!inTag) {
                if (b >= 0x80) {
                    counts[b]++;
                    high++;
                } else if ((b | 0x20) >= 'a' && (b | 0x20) <= 'z') {
                    asciiLetters++;
                }
            }
        }
        if (high < MIN_HIGH_BYTES || high < MIN_HIGH_SHARE * (high + asciiLetters)) {
            return null;
        }
        int cp1251 = sum(counts, FREQUENT_1251);
        int koi8 = sum(counts, FREQUENT_KOI8);
        if (cp1251 + koi8 < high / 5) {
            return null; // high bytes, but not the letters Russian text is full of: Greek, Hebrew, binary...
        }
        return cp1251 >= koi8 ? WINDOWS_1251 : KOI8_R;
    }

    private static int sum(int[] counts, int[] bytes) {
        int n = 0;
        for (int b : bytes) {
            n += counts[b];
        }
        return n;
    }
}
