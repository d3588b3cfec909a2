package io.herald.bench;

import java.util.Locale;

/** Deterministic news-like text: the same numbers always give the same words, on every JVM. */
final class Prose {
    private static final String[] WORDS = ("council harbour river station budget minister storm school market"
            + " festival research report village bridge ferry museum league season hospital election court"
            + " government officials said on tuesday that the plan would cost more than expected after months"
            + " of talks with unions and local leaders who warned about delays in the north of the region while"
            + " residents gathered outside the town hall to protest against rising prices for energy and food"
            + " according to figures published by the national statistics office last week analysts expect growth"
            + " to slow further this year as exports fall and investment remains weak despite lower interest rates"
            + " the coach praised his players for their discipline in the second half before the final whistle"
            + " scientists at the university found that the new treatment reduced symptoms in most patients"
            + " opposition parties called for an inquiry into the contract awarded without a public tender").split(" ");
    private static final String[] NAMES = ("Anna Berg,Omar Haddad,Li Wei,Maria Costa,John Okafor,Sara Novak,"
            + "Pablo Ruiz,Emma Laine,Yusuf Demir,Chloe Martin,Ivan Petrov,Grace Mensah").split(",");
    private static final String[] AGENCIES = {"Reuters", "AP Photo", "AFP", "Staff photographer", "EPA"};

    private Prose() {
    }

    /** SplitMix64's finaliser over the parts: a stable hash, spread over all 64 bits. */
    static long mix(long... parts) {
        long z = 0x9E3779B97F4A7C15L;
        for (long part : parts) {
            z += part * 0xBF58476D1CE4E5B9L + 0x9E3779B97F4A7C15L;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            z ^= z >>> 31;
        }
        return z;
    }

    /** A number in [low, high) chosen by the parts. */
    static int pick(int low, int high, long... parts) {
        return low + (int) Long.remainderUnsigned(mix(parts), high - low);
    }

    static String word(long... parts) {
        return WORDS[pick(0, WORDS.length, parts)];
    }

    static String words(int count, long... seed) {
        StringBuilder s = new StringBuilder(count * 8);
        long base = mix(seed);
        for (int w = 0; w < count; w++) {
            if (w > 0) {
                s.append(' ');
            }
            s.append(word(base, w));
        }
        return s.toString();
    }

    /** A sentence of 8 to 24 words, capitalised, with a full stop. */
    static String sentence(long... seed) {
        String s = words(pick(8, 25, seed), mix(seed), 1);
        return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1) + ".";
    }

    static String paragraph(int sentences, long... seed) {
        StringBuilder p = new StringBuilder();
        long base = mix(seed);
        for (int i = 0; i < sentences; i++) {
            if (i > 0) {
                p.append(' ');
            }
            p.append(sentence(base, i));
        }
        return p.toString();
    }

    static String headline(int host, int article) {
        String s = words(pick(6, 11, host, article, 7), host, article, 8);
        return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    static String slug(int host, int article) {
        return words(4, host, article, 8).replace(' ', '-');
    }

    static String name(long... seed) {
        return NAMES[pick(0, NAMES.length, seed)];
    }

    static String agency(long... seed) {
        return AGENCIES[pick(0, AGENCIES.length, seed)];
    }
}
