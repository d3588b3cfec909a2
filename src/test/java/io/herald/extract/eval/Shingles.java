package io.herald.extract.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Body text as a bag of shingles: runs of 4 consecutive word tokens ({@code \w+}, Unicode, lower-cased).
 * Comparing bags rather than paragraphs makes the score blind to how the text is split into paragraphs
 * and sensitive to what is kept, dropped or added, and in which order.
 */
public final class Shingles {
    static final int SIZE = 4;
    private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);

    private final Map<String, Integer> bag;
    private final int size;

    private Shingles(Map<String, Integer> bag, int size) {
        this.bag = bag;
        this.size = size;
    }

    public static Shingles of(String text) {
        List<String> tokens = tokens(text);
        Map<String, Integer> bag = new HashMap<>();
        int n = 0;
        if (!tokens.isEmpty() && tokens.size() < SIZE) {
            bag.put(String.join(" ", tokens), 1); // a text shorter than one shingle is one shingle
            n = 1;
        }
        for (int i = 0; i + SIZE <= tokens.size(); i++) {
            bag.merge(String.join(" ", tokens.subList(i, i + SIZE)), 1, Integer::sum);
            n++;
        }
        return new Shingles(bag, n);
    }

    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            out.add(m.group().toLowerCase(Locale.ROOT));
        }
        return out;
    }

    public int size() {
        return size;
    }

    /** Whether the 4 tokens from {@code from} on are one of this bag's shingles. */
    boolean has(List<String> tokens, int from) {
        return bag.containsKey(String.join(" ", tokens.subList(from, from + SIZE)));
    }

    /** Shingles the two bags share, counting repeats up to the smaller count. */
    public int overlap(Shingles other) {
        int n = 0;
        for (Map.Entry<String, Integer> e : bag.entrySet()) {
            n += Math.min(e.getValue(), other.bag.getOrDefault(e.getKey(), 0));
        }
        return n;
    }
}
