package io.herald.extract;

import java.util.List;
import java.util.Locale;

/**
 * Strips a " - Site Name" / " | Site" / " — Site" suffix (or prefix) from a title when it names the site; the title
 * is composed (NFC) as the body's paragraphs are, so a headline repeated in the body is found there.
 */
final class TitleCleaner {
    private static final String[] SEPARATORS = {" - ", " | ", " — ", " – ", " :: ", " · ", " » "};

    private TitleCleaner() {
    }

    static String strip(String title, List<String> siteNames) {
        String t = TextCleaner.nfc(TextCleaner.normalize(title));
        if (t.isEmpty()) {
            return null;
        }
        for (String site : siteNames) {
            String s = site.toLowerCase(Locale.ROOT);
            for (String sep : SEPARATORS) {
                String lower = t.toLowerCase(Locale.ROOT);
                if (lower.endsWith(sep + s)) {
                    return t.substring(0, t.length() - sep.length() - s.length()).strip();
                }
                if (lower.startsWith(s + sep)) {
                    return t.substring(s.length() + sep.length()).strip();
                }
            }
        }
        return t;
    }
}
