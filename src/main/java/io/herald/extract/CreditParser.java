package io.herald.extract;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits photo credits from captions: {@code "© AP Photo / Omar Sanadiki"} gives the credit
 * {@code "AP Photo / Omar Sanadiki"}; {@code "Soldiers in Palmyra. Photo: Reuters"} gives caption and credit.
 */
final class CreditParser {
    /** A caption and its credit; either may be null. */
    record CaptionCredit(String caption, String credit) {
    }

    private static final Pattern LEADING = Pattern.compile(
            "(?iu)^\\s*(?:©|\\(c\\)|copyright\\s*(?:©)?|(?:photo|image|picture|photograph|credit|foto)s?\\s*(?:credit)?\\s*[:：])\\s*");
    private static final Pattern TRAILING = Pattern.compile(
            "(?iu)\\s*[(\\[]?\\s*(?:©|\\(c\\)|(?:photo|image|picture|credit)s?\\s*(?:credit)?\\s*[:：]|photo by|picture by)\\s*([^()\\[\\]]{2,120}?)\\s*[)\\]]?\\s*$");
    /** Trailing navigation the credit widgets of some CMSs add (e.g. "/ Go to the mediabank"). */
    private static final Pattern CREDIT_JUNK = Pattern.compile("(?iu)\\s*/?\\s*go to the (?:media|photo) ?bank\\s*$");

    private CreditParser() {
    }

    /** The credit inside a credit element's text ({@code "© AP Photo / X"} → {@code "AP Photo / X"}), or null. */
    static String credit(String raw) {
        String t = TextCleaner.normalize(raw);
        t = LEADING.matcher(t).replaceFirst("");
        t = CREDIT_JUNK.matcher(t).replaceFirst("");
        t = t.replaceAll("^[\\s/|,:-]+|[\\s/|,:-]+$", "");
        return t.isEmpty() ? null : t;
    }

    /** Splits a caption text that may start or end with a credit. */
    static CaptionCredit split(String raw) {
        String t = TextCleaner.normalize(raw);
        if (t.isEmpty()) {
            return new CaptionCredit(null, null);
        }
        if (LEADING.matcher(t).lookingAt()) {
            return new CaptionCredit(null, credit(t));
        }
        Matcher m = TRAILING.matcher(t);
        if (m.find() && m.start() > 0) {
            String caption = t.substring(0, m.start()).strip();
            return new CaptionCredit(caption.isEmpty() ? null : caption, credit(m.group(1)));
        }
        return new CaptionCredit(t, null);
    }
}
