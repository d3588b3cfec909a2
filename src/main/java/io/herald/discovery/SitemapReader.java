package io.herald.discovery;

import crawlercommons.mimetypes.MimeTypeDetector;
import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import crawlercommons.sitemaps.extension.Extension;
import crawlercommons.sitemaps.extension.ExtensionMetadata;
import crawlercommons.sitemaps.extension.NewsAttributes;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one fetched sitemap (XML urlset, sitemap index, text, gzip of either), Google news sitemap,
 * RSS 2.0 or Atom feed into a {@link SitemapResult}. Never throws on content: junk, HTML error pages,
 * truncated XML and corrupt gzip come back as a result with {@link SitemapResult#problem()} set.
 *
 * <p>Pages are filtered for freshness: when {@code maxAge} is not zero, a page whose
 * {@link SitemapEntry#published()} is older than {@code now - maxAge} is dropped. <b>Pages with no date are
 * kept</b>: many sitemaps carry no lastmod, and dropping them would hide whole sites. Then at most
 * {@code maxUrls} pages are kept, the first ones in document order (sitemaps and feeds usually list the
 * newest first). Only http(s) URLs are returned; URLs outside the sitemap's folder or host are kept on
 * purpose (the parser runs non-strict), because scope is the frontier's decision.
 *
 * <p>Thread-safe: it holds only immutable configuration and builds a fresh {@link SiteMapParser} per call
 * (the parser carries mutable settings and is not documented as thread-safe).
 */
public final class SitemapReader {
    private static final Logger LOG = LoggerFactory.getLogger(SitemapReader.class);
    private static final int MAX_PROBLEM_CHARS = 200;
    private static final Function<String, String> HTTP_ONLY = u -> isHttp(u) ? u : null;

    private final Duration maxAge;
    private final int maxUrls;
    private final Clock clock;

    /**
     * @param maxAge  pages published longer ago than this are dropped; {@link Duration#ZERO} keeps all
     * @param maxUrls at most this many pages per document (the first ones)
     * @param clock   source of "now" for the freshness filter
     */
    public SitemapReader(Duration maxAge, int maxUrls, Clock clock) {
        this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (maxAge.isNegative()) {
            throw new IllegalArgumentException("maxAge must not be negative: " + maxAge);
        }
        if (maxUrls < 1) {
            throw new IllegalArgumentException("maxUrls must be at least 1: " + maxUrls);
        }
        this.maxUrls = maxUrls;
    }

    /**
     * @param sitemapUrl  the URL the content was fetched from (after redirects)
     * @param content     the response body, possibly gzip-compressed
     * @param contentType the response Content-Type, may be {@code null}; only a hint, the bytes decide first
     */
    public SitemapResult read(String sitemapUrl, byte[] content, String contentType) {
        URL url = toHttpUrl(sitemapUrl);
        if (url == null) {
            return SitemapResult.failed("not an http(s) sitemap URL: " + shorten(String.valueOf(sitemapUrl)));
        }
        if (content == null || isBlank(content)) {
            return SitemapResult.failed("empty content");
        }
        try {
            byte[] plain = GzipContent.isGzip(content)
                    ? GzipContent.gunzip(content, SiteMapParser.MAX_BYTES_ALLOWED) : content;
            if (isBlank(plain)) {
                return SitemapResult.failed("empty content");
            }
            return toResult(newParser().parseSiteMap(mediaType(plain, contentType), plain, url));
        } catch (UnknownFormatException | IOException | RuntimeException e) {
            // RuntimeException too: a parser bug on hostile input must not kill a worker thread.
            LOG.debug("Unreadable sitemap {}: {}", sitemapUrl, e.toString());
            return SitemapResult.failed(describe(e));
        }
    }

    private static SiteMapParser newParser() {
        // Non-strict: a sitemap at /sitemaps/news.xml may list /2024/story.html; allowPartial stays off
        // so that truncated XML is reported instead of silently yielding half a list.
        SiteMapParser parser = new SiteMapParser(false, false);
        parser.enableExtension(Extension.NEWS);
        parser.setURLFilter(HTTP_ONLY);
        return parser;
    }

    /**
     * Bytes first, header second: SiteMapParser trusts a recognised Content-Type over the bytes, and
     * servers often send {@code sitemap.xml} as {@code text/plain}, which it would then read as a text
     * sitemap of zero URLs.
     */
    private static String mediaType(byte[] content, String declared) {
        String sniffed = new MimeTypeDetector().detect(content);
        if (sniffed != null) {
            return sniffed;
        }
        if (declared == null || declared.isBlank()) {
            return "unknown"; // only shows up in the problem text: "Can't parse a sitemap with MediaType 'unknown'"
        }
        int semicolon = declared.indexOf(';');
        String bare = semicolon < 0 ? declared : declared.substring(0, semicolon);
        return bare.trim().toLowerCase(Locale.ROOT);
    }

    private SitemapResult toResult(AbstractSiteMap parsed) {
        if (parsed.isIndex()) {
            List<String> children = new ArrayList<>();
            for (AbstractSiteMap child : ((SiteMapIndex) parsed).getSitemaps()) {
                children.add(child.getUrl().toString());
            }
            return new SitemapResult(List.of(), httpDistinct(children), null);
        }
        Collection<SiteMapURL> urls = ((SiteMap) parsed).getSiteMapUrls();
        if (urls.isEmpty() && parsed.getType() == AbstractSiteMap.SitemapType.TEXT) {
            // The text reader skips every line that is not a URL, so junk sent as text/plain looks empty.
            return SitemapResult.failed("no URLs in text content");
        }
        return new SitemapResult(selectPages(urls), List.of(), null);
    }

    private List<SitemapEntry> selectPages(Collection<SiteMapURL> urls) {
        Instant cutoff = maxAge.isZero() ? null : clock.instant().minus(maxAge);
        Set<String> seen = new HashSet<>();
        List<SitemapEntry> pages = new ArrayList<>();
        for (SiteMapURL listed : urls) {
            if (pages.size() >= maxUrls) {
                break;
            }
            SitemapEntry entry = new SitemapEntry(listed.getUrl().toString(), published(listed));
            boolean stale = cutoff != null && entry.published() != null && entry.published().isBefore(cutoff);
            if (!stale && seen.add(entry.url())) {
                pages.add(entry);
            }
        }
        return pages;
    }

    private static Instant published(SiteMapURL listed) {
        ExtensionMetadata[] news = listed.getAttributesForExtension(Extension.NEWS);
        if (news != null) {
            for (ExtensionMetadata metadata : news) {
                if (metadata instanceof NewsAttributes n && n.getPublicationDateTime() != null) {
                    return n.getPublicationDateTime().toInstant();
                }
            }
        }
        return listed.getLastModified() == null ? null : listed.getLastModified().toInstant();
    }

    private static List<String> httpDistinct(Collection<String> urls) {
        Set<String> kept = new LinkedHashSet<>();
        for (String u : urls) {
            if (u != null && isHttp(u.strip()) && toHttpUrl(u.strip()) != null) {
                kept.add(u.strip());
            }
        }
        return List.copyOf(kept);
    }

    private static URL toHttpUrl(String url) {
        if (url == null || !isHttp(url)) {
            return null;
        }
        try {
            URI uri = new URI(url);
            return uri.getHost() == null ? null : uri.toURL();
        } catch (URISyntaxException | IllegalArgumentException | IOException e) {
            return null;
        }
    }

    private static boolean isHttp(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    private static boolean isBlank(byte[] content) {
        for (byte b : content) {
            if (!Character.isWhitespace(b & 0xFF)) {
                return false;
            }
        }
        return true;
    }

    /** The exception's own message plus its root cause's: "Failed to parse URL" alone says too little. */
    private static String describe(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName());
        if (root != e) {
            message += ": " + Objects.requireNonNullElse(root.getMessage(), root.getClass().getSimpleName());
        }
        return shorten(message);
    }

    private static String shorten(String text) {
        return text.length() <= MAX_PROBLEM_CHARS ? text : text.substring(0, MAX_PROBLEM_CHARS) + "…";
    }
}
