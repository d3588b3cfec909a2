package io.herald.extract;

import java.text.Normalizer;
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
            + "continue reading\\W*|show comments|leave a comment|photo|video|"
            + "anzeige|werbung|publicité|publicidad|pubblicità|реклама|広告|广告"
            + ")\\W*$");
    private static final Pattern CALL_TO_ACTION_PHRASE = Pattern.compile("(?iu)"
            + "never miss a story|sign up (?:to|for) our|subscribe to our|join our (?:telegram|newsletter)|"
            + "follow us on|get our newsletter|sign up for (?:the|our) newsletter|download our app|"
            + "this article was originally published|please enable javascript|"
            + "we use cookies|accept (?:all )?cookies|don't miss (?:our|a)");
    private static final Pattern CREDIT_LINE = Pattern.compile("(?iu)^(?:©|\\(c\\)|copyright\\b|photo\\s*:|"
            + "(?:image|picture|photo)s?\\s*credits?\\s*:|image\\s*:|credit\\s*:|photograph\\s*:|picture\\s*:|getty images$|"
            + "source\\s*:\\s*\\S+$|[（(]?责任编辑|来源[:：]|编辑[:：])");
    private static final int SHORT = 220;

    private TextCleaner() {
    }

    /**
     * Collapses all whitespace runs (including NBSP and zero-width spaces) to one space, drops soft hyphens,
     * and trims. A plain loop rather than a regex: it runs on the text of nearly every element, and most text needs no change.
     */
    static String normalize(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = null;
        boolean pendingSpace = false;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (isInvisible(c)) {
                if (out == null) {
                    out = new StringBuilder(n).append(s, 0, i);
                }
            } else if (isSpace(c)) {
                if (out == null) {
                    boolean plain = c == ' ' && i > 0 && i + 1 < n && !isSpace(s.charAt(i + 1))
                            && !isInvisible(s.charAt(i + 1));
                    if (plain) {
                        continue; // a single ordinary space between words: nothing to change yet
                    }
                    out = new StringBuilder(n).append(s, 0, i);
                }
                pendingSpace = out.length() > 0;
            } else if (out != null) {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }

    /**
     * Soft hyphens and word joiners: formatting inside a word (German and Dutch sites hyphenate long words
     * with {@code &shy;}), invisible to a reader and absent when the text is copied, so they are dropped.
     */
    private static boolean isInvisible(char c) {
        return c == '\u00AD' || c == '\u2060';
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '\u00A0' || (c >= '\u2000' && c <= '\u200B') || c == '\u202F'
                || c == '\u205F' || c == '\u3000' || c == '\uFEFF';
    }

    /** Removes stray template placeholders, normalises whitespace and composes characters (NFC). */
    static String clean(String s) {
        String t = normalize(s);
        if (t.indexOf('{') >= 0 || t.indexOf('%') >= 0 || t.indexOf('[') >= 0 || t.indexOf('<') >= 0) {
            Matcher m = TEMPLATE.matcher(t);
            t = normalize(m.replaceAll(" "));
        }
        return nfc(t);
    }

    /**
     * One spelling per character (NFC): pages mix precomposed and combining forms (Bengali য়, Vietnamese tones,
     * German umlauts typed on a Mac), and the same word must match itself, in the text and against the title.
     */
    static String nfc(String t) {
        return composed(t) ? t : Normalizer.normalize(t, Normalizer.Form.NFC);
    }

    /** NFC already: text below the combining marks (U+0300) cannot change, and most text is that. */
    private static boolean composed(String t) {
        for (int i = 0, n = t.length(); i < n; i++) {
            if (t.charAt(i) >= '\u0300') {
                return Normalizer.isNormalized(t, Normalizer.Form.NFC);
            }
        }
        return true;
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

    /**
     * Words of the text. Chinese and Japanese are written without spaces, so a whole clause would be one
     * {@code \w+} run; there each Han or kana character counts as a word, as word processors do.
     */
    static int wordCount(String text) {
        // One pass instead of a Unicode regex: this runs on the text of every block of every page.
        int n = 0;
        boolean inRun = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (!isWordChar(cp)) {
                inRun = false;
            } else if (isCjk(cp)) {
                n++;
                inRun = false;
            } else if (!inRun) {
                n++;
                inRun = true;
            }
        }
        return n;
    }

    /** What {@code \\w} matches with Unicode character classes. */
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

    static boolean isCjk(int cp) {
        if (cp < 0x2E80) {
            return false; // below the CJK radicals nothing is Han, Hiragana or Katakana
        }
        Character.UnicodeScript s = Character.UnicodeScript.of(cp);
        return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
                || s == Character.UnicodeScript.KATAKANA;
    }
}
