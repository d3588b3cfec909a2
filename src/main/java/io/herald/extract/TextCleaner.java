package io.herald.extract;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Text hygiene for one paragraph: whitespace, stray template strings, calls to action, word counting. */
final class TextCleaner {
    /** {{title}}, {% tag %}, %%NAME%%, ${expr}, <%= x %>, [[x]] left behind by broken templates. */
    private static final Pattern TEMPLATE = Pattern.compile(
            "\\{\\{[^{}]{0,80}}}|\\{%[^%]{0,80}%}|%%[A-Za-z0-9_.\\-]{1,40}%%|\\$\\{[^{}]{0,80}}|<%=?[^%]{0,80}%>|\\[\\[[^\\[\\]]{0,80}]]");
    private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);
    /** Short paragraphs that are widgets, not writing. Matched against the whole (short) paragraph. */
    private static final Pattern CALL_TO_ACTION = Pattern.compile("(?iu)^(?:"
            + "subscribe|subscribe now|advertisement|advert|ad|sponsored|sponsored content|share|share this|"
            + "share this (?:article|story|post)|print|email|comments?|\\d+ comments?|read more|read more\\W*|"
            + "loading\\W*|loader|newsfeed|chats|click here|tweet|follow us|related|see also|more|"
            + "to participate in the discussion|log in or register|login|register|"
            + "continue reading\\W*|show comments|leave a comment|photo|video"
            + ")\\W*$");
    private static final Pattern CALL_TO_ACTION_PHRASE = Pattern.compile("(?iu)"
            + "never miss a story|sign up (?:to|for) our|subscribe to our|join our (?:telegram|newsletter)|"
            + "follow us on|get our newsletter|sign up for (?:the|our) newsletter|download our app|"
            + "this article was originally published|please enable javascript|"
            + "we use cookies|accept (?:all )?cookies|don't miss (?:our|a)");
    private static final Pattern CREDIT_LINE = Pattern.compile("(?iu)^(?:©|\\(c\\)|copyright\\b|photo\\s*:|"
            + "image\\s*:|credit\\s*:|photograph\\s*:|picture\\s*:|getty images$|source\\s*:\\s*\\S+$)");
    private static final int SHORT = 220;

    private TextCleaner() {
    }

    /**
     * Collapses all whitespace runs (including NBSP and zero-width spaces) to one space, and trims. A loop
     * rather than a regex: it runs on every block of every page and was the extractor's hottest spot.
     */
    static String normalize(String s) {
        if (s == null) {
            return "";
        }
        if (isNormal(s)) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        boolean pendingSpace = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isSpace(c)) {
                pendingSpace = out.length() > 0;
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    /** True when only single plain spaces separate the text, with none at either end. */
    private static boolean isNormal(String s) {
        int n = s.length();
        if (n > 0 && (isSpace(s.charAt(0)) || isSpace(s.charAt(n - 1)))) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (isSpace(c) && (c != ' ' || isSpace(s.charAt(i + 1)))) {
                return false;
            }
        }
        return true;
    }

    /** ASCII white space, NBSP, the Unicode spaces U+2000–U+200B, U+202F, U+205F, U+3000 and the BOM. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B' || c == '\u00A0'
                || (c >= '\u2000' && c <= '\u200B') || c == '\u202F' || c == '\u205F' || c == '\u3000' || c == '\uFEFF';
    }

    /** Removes stray template placeholders and normalises whitespace. */
    static String clean(String s) {
        String t = normalize(s);
        if (t.indexOf('{') >= 0 || t.indexOf('%') >= 0 || t.indexOf('[') >= 0 || t.indexOf('<') >= 0) {
            Matcher m = TEMPLATE.matcher(t);
            t = normalize(m.replaceAll(" "));
        }
        return t;
    }

    /** True when a cleaned paragraph is a widget string, call to action or photo credit, not writing. */
    static boolean isBoilerplate(String paragraph) {
        if (paragraph.isEmpty() || WORD.matcher(paragraph).results().findAny().isEmpty()) {
            return true;
        }
        if (paragraph.length() > SHORT) {
            return false;
        }
        return CALL_TO_ACTION.matcher(paragraph).matches() || CALL_TO_ACTION_PHRASE.matcher(paragraph).find()
                || CREDIT_LINE.matcher(paragraph).find();
    }

    /** Runs of {@code \\w} with Unicode classes (what {@link #WORD} matches), counted without a regex. */
    static int wordCount(String text) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            boolean word = isWordChar(cp);
            if (word && !inWord) {
                words++;
            }
            inWord = word;
            i += Character.charCount(cp);
        }
        return words;
    }

    private static boolean isWordChar(int cp) {
        if (cp < 128) {
            return cp >= 'a' && cp <= 'z' || cp >= 'A' && cp <= 'Z' || cp >= '0' && cp <= '9' || cp == '_';
        }
        if (Character.isAlphabetic(cp) || Character.isDigit(cp) || cp == 0x200C || cp == 0x200D) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK || type == Character.CONNECTOR_PUNCTUATION;
    }
}
