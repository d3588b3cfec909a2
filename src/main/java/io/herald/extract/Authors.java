package io.herald.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a byline or an author field into person names: "By Jane Doe and John Roe, Staff Writers" →
 * [Jane Doe, John Roe]. Drops what bylines carry besides names: "By"/"Posted by" in several languages,
 * job titles, e-mail addresses, places and dates after a "|" or "·", and news agencies credited next to
 * the writer (dpa, AP, Reuters...), which are sources, not authors.
 */
final class Authors {
    private static final Pattern BY = Pattern.compile(
            "(?iu)^(?:posted by|written by|words by|story by|reported by|by|von|par|por|di|автор:?|текст:?)\\s+");
    private static final Pattern SPLIT = Pattern.compile("(?iu)\\s*(?:,|;|\\band\\b|&|\\bund\\b|\\bet\\b|\\by\\b|\\be\\b|\\bи\\b)\\s*");
    /** A byline's name part ends where its place or date part begins: "Carmen Ruiz | Valencia | 05/12/2024". */
    private static final Pattern FIELDS = Pattern.compile("\\s+[|·•—–]\\s+|\\s+-\\s+");
    private static final Pattern EMAIL = Pattern.compile("\\S+@\\S+\\.\\S+");
    private static final Pattern ROLE = Pattern.compile("(?iu)\\b(?:correspondents?|reporters?|editors?|writers?|staff|"
            + "contributors?|columnists?|journalists?|bureau|desk|news agency|photographers?)\\b");
    /** "Hannah Kowalski in New York", "Gary Thomson at the Harbour Stadium": the place is not the name. */
    private static final Pattern PLACE = Pattern.compile("\\s+(?:in|at|from)\\s+(?:the\\s+)?\\p{Lu}.*$");
    private static final Set<String> AGENCIES = Set.of("dpa", "afp", "ap", "reuters", "ansa", "efe", "epd", "kna",
            "apa", "sda", "tass", "ria novosti", "xinhua", "pa", "pa media", "associated press",
            "agence france-presse", "upi", "anp", "belga", "ctk", "pap", "interfax", "lusa", "ats", "reuters staff");
    private static final int MAX_NAME = 60;

    private Authors() {
    }

    /** The person names in one byline or author field; empty when there are none. */
    static List<String> split(String byline) {
        String t = EMAIL.matcher(TextCleaner.normalize(byline)).replaceAll(" ");
        t = BY.matcher(TextCleaner.normalize(t)).replaceFirst("");
        t = PLACE.matcher(FIELDS.split(t, 2)[0]).replaceFirst("");
        List<String> out = new ArrayList<>();
        String credit = null;
        for (String part : SPLIT.split(t)) {
            String p = clean(part);
            if (p != null) {
                out.add(p);
            } else if (credit == null && isCollective(part)) {
                credit = TextCleaner.normalize(part);
            }
        }
        // "Jane Doe, Staff Writer" names Jane Doe; "Gazette Staff" alone is the whole credit, and is kept
        return out.isEmpty() && credit != null ? List.of(credit) : out;
    }

    /** One name, or null when the part is not one (a role, an agency, a URL, a handle, a date). */
    static String clean(String raw) {
        String p = BY.matcher(TextCleaner.normalize(raw)).replaceFirst("").strip();
        if (p.isEmpty() || p.length() > MAX_NAME || !Character.isLetter(p.codePointAt(0))
                || p.startsWith("http") || p.chars().anyMatch(Character::isDigit)
                || ROLE.matcher(p).find() || AGENCIES.contains(p.toLowerCase(Locale.ROOT))) {
            return null;
        }
        return p;
    }

    /** A desk credited as a whole ("Gazette Staff", "Metro Desk"): a role word after some other word. */
    private static boolean isCollective(String part) {
        String p = TextCleaner.normalize(part);
        String[] words = p.split(" ");
        return words.length >= 2 && words.length <= 4 && p.length() <= MAX_NAME
                && Character.isUpperCase(p.codePointAt(0)) && !ROLE.matcher(words[0]).find()
                && ROLE.matcher(p).find() && p.chars().noneMatch(Character::isDigit);
    }

    /** True when the text starts like a byline ("By ...", "Von ..."). */
    static boolean looksLikeByline(String text) {
        return text.length() <= 120 && BY.matcher(TextCleaner.normalize(text)).lookingAt();
    }
}
