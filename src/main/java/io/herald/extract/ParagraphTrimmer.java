package io.herald.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * Drops the page furniture that sits inside the article container next to the text: the headline repeated
 * at the top, a byline ("By Marcus Hale, Health Correspondent") or date line ("28.03.2025",
 * "Posted Wednesday, February 28, 2024") among the first paragraphs, and a date line at the very end.
 */
final class ParagraphTrimmer {
    private static final int HEAD = 3;
    private static final int TAIL = 1;
    private static final int MAX_BYLINE = 100;
    private static final int MAX_DATELINE = 80;
    private static final int MAX_DATELINE_WORDS = 8;

    private final DateNormalizer dates;

    ParagraphTrimmer(DateNormalizer dates) {
        this.dates = dates;
    }

    List<String> trim(List<String> paragraphs, String title) {
        List<String> out = new ArrayList<>(paragraphs.size());
        for (int i = 0; i < paragraphs.size(); i++) {
            String p = paragraphs.get(i);
            boolean head = i < HEAD;
            boolean tail = i >= paragraphs.size() - TAIL && paragraphs.size() > HEAD;
            if (head && title != null && p.equalsIgnoreCase(title)) {
                continue;
            }
            if ((head && isByline(p)) || ((head || tail) && isDateline(p))) {
                continue;
            }
            out.add(p);
        }
        return out;
    }

    /** A short "By First Last ..." line whose first name has two to four capitalised words. */
    static boolean isByline(String p) {
        if (p.length() > MAX_BYLINE || !Authors.looksLikeByline(p)) {
            return false;
        }
        List<String> names = Authors.split(p);
        if (names.isEmpty()) {
            return false;
        }
        String[] words = names.get(0).split(" ");
        if (words.length < 2 || words.length > 4) {
            return false;
        }
        for (String w : words) {
            if (!Character.isUpperCase(w.codePointAt(0))) {
                return false;
            }
        }
        return true;
    }

    /** A short line that is a date, with at most a few words around it ("Posted 3 May 2024, 10:00"). */
    boolean isDateline(String p) {
        return p.length() <= MAX_DATELINE && TextCleaner.wordCount(p) <= MAX_DATELINE_WORDS + 6
                && dates.normalize(p) != null;
    }
}
