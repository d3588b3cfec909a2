package io.herald.politeness;

import java.util.Arrays;
import java.util.Objects;

/**
 * A host's robots.txt as it was accepted, kept so that a resumed crawl need not fetch it again while it is
 * younger than {@code politeness.robotsTtl}. The body is kept as fetched (already cut at the download cap)
 * and parsed again on load by {@link RobotsPolicy}, so nothing of crawler-commons' object model is stored.
 * Written only when rules are accepted, never on a page response.
 *
 * @param url         the URL the rules came from (the target of a followed redirect, if any)
 * @param source      {@code fetched}, or a synthetic answer without a body: {@code 4xx-allow}, {@code redirect-allow}
 * @param body        the bytes received for {@code fetched}; null for a synthetic source
 * @param contentType the Content-Type the body came with, or null
 * @param truncated   the body was cut at the download cap
 * @param fetchedAt   clock time (epoch ms) at which the rules were accepted
 */
public record SavedRobots(String url, String source, byte[] body, String contentType, boolean truncated,
                          long fetchedAt) {
    public static final String FETCHED = "fetched";

    public SavedRobots {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(source, "source");
        body = body == null ? null : body.clone();
    }

    /** A copy: the record stays immutable. */
    @Override
    public byte[] body() {
        return body == null ? null : body.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SavedRobots other && url.equals(other.url) && source.equals(other.source)
                && Arrays.equals(body, other.body) && Objects.equals(contentType, other.contentType)
                && truncated == other.truncated && fetchedAt == other.fetchedAt;
    }

    @Override
    public int hashCode() {
        return Objects.hash(url, source, Arrays.hashCode(body), contentType, truncated, fetchedAt);
    }

    @Override
    public String toString() {
        return "SavedRobots[" + url + ", " + source + ", " + (body == null ? "no body" : body.length + " bytes")
                + ", fetchedAt=" + fetchedAt + "]";
    }
}
