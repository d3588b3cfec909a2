package io.herald.politeness;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRules.RobotRulesMode;
import crawlercommons.robots.SimpleRobotRulesParser;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a robots.txt response into rules, following RFC 9309 where crawler-commons leaves it to us:
 * 4xx allows everything, 5xx and 429 mean "unreachable" (nothing may be fetched yet), a body cut at the
 * download cap is trimmed to its last whole line, a stray partial byte-order mark is removed, and
 * Crawl-delay is read without the parser's own cap (which would turn a long delay into disallow-all)
 * so that the gate can apply Herald's policy to what the host really asked for.
 */
public final class RobotsPolicy {
    /** Far above any real Crawl-delay; our own cap is applied in {@link #crawlDelay}. */
    private static final long PARSER_MAX_CRAWL_DELAY_MS = Duration.ofDays(365).toMillis();
    private static final int MAX_REDIRECTS = 5;

    private final List<String> agentTokens;

    /** @param agentToken bare lower-case product token (validated by the config loader) */
    public RobotsPolicy(String agentToken) {
        this.agentTokens = List.of(agentToken);
    }

    /**
     * Rules from a 2xx body.
     *
     * @param robotsUrl   the URL the body came from (used by the parser for sitemap resolution)
     * @param body        the bytes received, possibly cut at {@code capBytes}
     * @param contentType the Content-Type header, or null
     * @param capBytes    the download cap; a body of exactly this length is treated as truncated
     */
    public BaseRobotRules parse(String robotsUrl, byte[] body, String contentType, int capBytes) {
        byte[] content = stripPartialBom(body.length >= capBytes ? trimToLastLine(body) : body);
        // A fresh parser per call: it counts warnings in a field, so sharing one is not thread-safe.
        SimpleRobotRulesParser parser = new SimpleRobotRulesParser(PARSER_MAX_CRAWL_DELAY_MS, 5);
        return parser.parseContent(robotsUrl, content, contentType == null ? "text/plain" : contentType, agentTokens);
    }

    /**
     * Rules for a robots.txt request that got no 2xx: 4xx (except 429) allows all; empty means the
     * host is unreachable for now (5xx, 429, network errors) and nothing but robots.txt may be asked.
     */
    public Optional<BaseRobotRules> forStatus(int status) {
        if (status >= 400 && status < 500 && status != 429) {
            return Optional.of(new SimpleRobotRules(RobotRulesMode.ALLOW_ALL));
        }
        return Optional.empty();
    }

    /** The Crawl-delay the host asked for; zero when the rules set none (or a negative one). */
    public Duration crawlDelay(BaseRobotRules rules) {
        long ms = rules.getCrawlDelay();
        if (ms == BaseRobotRules.UNSET_CRAWL_DELAY || ms <= 0) {
            return Duration.ZERO;
        }
        return Duration.ofMillis(ms);
    }

    /**
     * RFC 9309 2.3.1.2: follow at least five redirects, also to another authority (news.test → www.news.test is
     * common); the requests stay on the original host's clock, and its rules are what the target says.
     */
    public static boolean followable(int redirectsSoFar, String location) {
        if (redirectsSoFar >= MAX_REDIRECTS) {
            return false;
        }
        try {
            URI to = URI.create(location);
            String scheme = to.getScheme() == null ? "" : to.getScheme().toLowerCase(Locale.ROOT);
            return to.getHost() != null && (scheme.equals("http") || scheme.equals("https"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** True when a body of this length was cut at the download cap. */
    public static boolean truncated(byte[] body, int capBytes) {
        return body.length >= capBytes;
    }

    /** Cuts after the last line break so that a truncated rule like "/private-area" never becomes "/pr". */
    static byte[] trimToLastLine(byte[] body) {
        for (int i = body.length - 1; i >= 0; i--) {
            if (body[i] == '\n' || body[i] == '\r') {
                return Arrays.copyOf(body, i + 1);
            }
        }
        return new byte[0];
    }

    /** crawler-commons skips a whole BOM but not a partial one (EF or EF BB), which would hide the first line. */
    static byte[] stripPartialBom(byte[] body) {
        int skip = 0;
        if (body.length >= 1 && (body[0] & 0xFF) == 0xEF) {
            skip = 1;
            if (body.length >= 2 && (body[1] & 0xFF) == 0xBB) {
                skip = 2;
                if (body.length >= 3 && (body[2] & 0xFF) == 0xBF) {
                    skip = 3;
                }
            }
        }
        return skip == 0 ? body : Arrays.copyOfRange(body, skip, body.length);
    }
}
