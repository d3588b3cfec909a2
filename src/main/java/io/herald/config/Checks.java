package io.herald.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jsoup.select.QueryParser;

/**
 * Checks of single values that need more than a type: URLs, host names, regexes, CSS selectors, tokens.
 * Each returns null when the value is fine, else what is wrong, phrased for a user.
 */
final class Checks {
    private static final Pattern HOST = Pattern.compile("[a-z0-9_]([a-z0-9._-]*[a-z0-9_])?|\\[[0-9a-f:.]+]");
    private static final Pattern ROBOTS_AGENT = Pattern.compile("[a-z_-]+");

    private Checks() {
    }

    /** A seed must be an absolute http(s) URL with a host. */
    static String seedProblem(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "not a valid URL (" + e.getReason() + ")";
        }
        if (uri.getScheme() == null) {
            return "expected an absolute URL like https://news.example.com/";
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return "only http and https URLs can be crawled";
        }
        if (uri.getHost() == null) {
            return "the URL has no host name";
        }
        return null;
    }

    /** The lower-case host of a seed that passed {@link #seedProblem}. */
    static String hostOf(String url) {
        return URI.create(url).getHost().toLowerCase(Locale.ROOT);
    }

    /** A host name, already lower-cased: no scheme, port or path. */
    static String hostProblem(String host) {
        if (host.contains("://")) {
            return "expected a host name like news.example.com, not a URL";
        }
        if (!HOST.matcher(host).matches()) {
            return "expected a host name like news.example.com (no port or path)";
        }
        return null;
    }

    static String regexProblem(String regex) {
        try {
            Pattern.compile(regex);
            return null;
        } catch (PatternSyntaxException e) {
            return "invalid regex: " + e.getDescription() + " near index " + e.getIndex();
        }
    }

    /** Parses the selector with jsoup, so a rule that would fail on every page fails at startup instead. */
    static String selectorProblem(String css) {
        try {
            QueryParser.parse(css);
            return null;
        } catch (IllegalStateException | IllegalArgumentException e) {
            return "invalid CSS selector: " + e.getMessage();
        }
    }

    static String robotsAgentProblem(String token) {
        return ROBOTS_AGENT.matcher(token).matches()
                ? null
                : "expected a bare lower-case product token matching [a-z_-]+ like heraldbot";
    }
}
