package io.herald.extract;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * What a URL's path suggests. Article URLs carry a date ({@code /2024/05/14/}, {@code 20240905}), a long
 * slug ({@code bus-depot-student-tower-approved}) or a long numeric id; front and section pages are the
 * root or one or two short words ({@code /business/}, {@code /news/local/}), often with a page number.
 */
enum UrlShape {
    ARTICLE, SECTION, UNKNOWN;

    private static final Pattern DATE = Pattern.compile("/(?:19|20)\\d{2}[/-]?(?:0[1-9]|1[0-2])(?:[/-]?\\d{2})?(?:/|$|[-_])"
            + "|(?:19|20)\\d{2}(?:0[1-9]|1[0-2])[0-3]\\d");
    private static final Pattern ID = Pattern.compile("\\d{5,}");
    private static final Pattern SECTION_SEGMENT = Pattern.compile("[a-z]+(?:-[a-z]+)?");
    private static final int SLUG_WORDS = 4;

    static UrlShape of(String url) {
        String path;
        try {
            path = url == null ? null : URI.create(url.strip()).getPath();
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
        if (path == null) {
            return UNKNOWN;
        }
        if (path.isEmpty() || path.equals("/") || path.matches("/(?:index|default|home)\\.\\w+")) {
            return SECTION;
        }
        String[] segments = path.replaceAll("^/+|/+$", "").split("/+");
        String last = segments[segments.length - 1].replaceAll("\\.\\w+$", "");
        if (DATE.matcher(path).find() || ID.matcher(last).find() || last.split("[-_]").length >= SLUG_WORDS) {
            return ARTICLE;
        }
        if (segments.length <= 2) {
            for (String s : segments) {
                if (!SECTION_SEGMENT.matcher(s).matches()) {
                    return UNKNOWN;
                }
            }
            return SECTION;
        }
        return UNKNOWN;
    }
}
