package io.herald.frontier;

import crawlercommons.filters.basic.BasicURLNormalizer;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * One spelling per URL, so that de-duplication and robots matching see the same string. crawler-commons'
 * {@link BasicURLNormalizer} lower-cases scheme and host, drops the default port and the fragment, resolves
 * dot segments, normalises percent-encoding and sorts query parameters; on top of that Herald removes the
 * configured query parameters (tracking, session ids; {@code utm_*} style prefixes allowed) and session ids
 * in path parameters ({@code ;jsessionid=…}), and accepts only http and https.
 */
public final class UrlNormalizer {
    private static final int MAX_INPUT_LENGTH = 16 * 1024;
    private static final Pattern PATH_SESSION_ID =
            Pattern.compile(";(?:jsessionid|phpsessid|sessionid|sid)=[^/?#]*", Pattern.CASE_INSENSITIVE);

    private final BasicURLNormalizer normalizer = new BasicURLNormalizer();
    private final List<String> exactParams;
    private final List<String> paramPrefixes;

    /** @param stripParams parameter names to remove, case-insensitive; a trailing {@code *} matches a prefix */
    public UrlNormalizer(List<String> stripParams) {
        this.exactParams = stripParams.stream().filter(p -> !p.endsWith("*")).map(UrlNormalizer::lower).toList();
        this.paramPrefixes = stripParams.stream().filter(p -> p.endsWith("*"))
                .map(p -> lower(p.substring(0, p.length() - 1))).toList();
    }

    /** The normalised URL, or null when it is not an absolute http(s) URL Herald can fetch. */
    public String normalize(String url) {
        if (url == null || url.length() > MAX_INPUT_LENGTH) {
            return null;
        }
        String trimmed = url.trim();
        String lower = lower(trimmed);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            return null;
        }
        String normalized = normalizer.filter(PATH_SESSION_ID.matcher(trimmed).replaceAll(""));
        if (normalized == null || hostOf(normalized) == null) {
            return null;
        }
        return stripParams(normalized);
    }

    private String stripParams(String url) {
        int q = url.indexOf('?');
        if (q < 0 || (exactParams.isEmpty() && paramPrefixes.isEmpty())) {
            return url;
        }
        StringJoiner kept = new StringJoiner("&");
        for (String param : url.substring(q + 1).split("&")) {
            int eq = param.indexOf('=');
            String name = lower(eq < 0 ? param : param.substring(0, eq));
            if (!param.isEmpty() && !strip(name)) {
                kept.add(param);
            }
        }
        return kept.length() == 0 ? url.substring(0, q) : url.substring(0, q + 1) + kept;
    }

    private boolean strip(String name) {
        return exactParams.contains(name) || paramPrefixes.stream().anyMatch(name::startsWith);
    }

    /** {@code scheme://host[:port]} of a normalised URL: the unit of politeness. */
    public static String hostKey(String normalizedUrl) {
        URI uri = URI.create(normalizedUrl);
        String key = uri.getScheme() + "://" + uri.getHost();
        return uri.getPort() == -1 ? key : key + ":" + uri.getPort();
    }

    /** The lower-case host name of a URL, or null if it has none. */
    public static String hostOf(String url) {
        try {
            String host = new URI(url).getHost();
            return host == null ? null : lower(host);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
