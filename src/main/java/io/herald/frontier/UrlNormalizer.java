package io.herald.frontier;

import crawlercommons.filters.basic.BasicURLNormalizer;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * One spelling per URL, so that de-duplication and robots matching see the same string: crawler-commons'
 * {@link BasicURLNormalizer} (lower-case scheme and host, default port dropped, dot segments resolved,
 * percent-encoding normalised, fragment removed), restricted to http and https.
 */
public final class UrlNormalizer {
    private static final int MAX_URL_LENGTH = 2048;

    private final BasicURLNormalizer normalizer = new BasicURLNormalizer();

    /** The normalised URL, or null when it is not an absolute http(s) URL Herald can fetch. */
    public String normalize(String url) {
        if (url == null || url.length() > MAX_URL_LENGTH) {
            return null;
        }
        String trimmed = url.trim();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            return null;
        }
        String normalized = normalizer.filter(trimmed);
        if (normalized == null || hostOf(normalized) == null) {
            return null;
        }
        return normalized;
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
            return host == null ? null : host.toLowerCase(Locale.ROOT);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
