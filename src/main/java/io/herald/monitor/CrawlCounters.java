package io.herald.monitor;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A crawl's counters at one moment, read from the meters the stages register: what {@code /status} shows at its
 * top level (this run) and under {@code total} (the whole crawl). The maps hold only keys counted so far, sorted.
 *
 * @param elapsedMs       time the run(s) spent crawling
 * @param pagesFetched    page requests that got any HTTP response (not robots.txt, not network errors)
 * @param articlesWritten articles written to the output
 * @param pagesPerSecond  pagesFetched per elapsed second, one decimal
 * @param pageOutcomes    page fetches by outcome ({@code herald.fetch.outcomes{kind=page}})
 * @param robotsOutcomes  robots.txt fetches by outcome
 * @param urls            the frontier's URL events ({@code herald.frontier.urls})
 * @param extracted       extracted pages by type ({@code herald.extract.pages})
 * @param articles        the sink's articles by result ({@code herald.sink.articles})
 * @param completeness    per host, per field, the share of extracted articles that had it (0..1, three decimals)
 */
public record CrawlCounters(long elapsedMs, long pagesFetched, long articlesWritten, double pagesPerSecond,
                            Map<String, Long> pageOutcomes, Map<String, Long> robotsOutcomes, Map<String, Long> urls,
                            Map<String, Long> extracted, Map<String, Long> articles,
                            Map<String, Map<String, Double>> completeness) {

    /** The counters of a snapshot of the meters, over {@code elapsedMs}. */
    static CrawlCounters of(CounterSnapshot s, long elapsedMs) {
        long pages = pagesFetched(s);
        double seconds = Math.max(0.001, elapsedMs / 1000.0);
        return new CrawlCounters(elapsedMs, pages, s.sum("herald.sink.articles", "result", "written"),
                Math.round(pages / seconds * 10) / 10.0,
                byTag(s, "herald.fetch.outcomes", "kind", "page", "outcome"),
                byTag(s, "herald.fetch.outcomes", "kind", "robots", "outcome"),
                byTag(s, "herald.frontier.urls", null, null, "event"),
                byTag(s, "herald.extract.pages", null, null, "type"),
                byTag(s, "herald.sink.articles", null, null, "result"),
                completeness(s));
    }

    /** Page fetches that ended in anything but {@code fetched} or {@code redirect}. */
    public long pageErrors() {
        return pageOutcomes.entrySet().stream().filter(e -> !e.getKey().equals("fetched") && !e.getKey().equals("redirect"))
                .mapToLong(Map.Entry::getValue).sum();
    }

    static long pagesFetched(CounterSnapshot s) {
        long[] total = new long[1];
        s.forEach("herald.fetch.outcomes", (key, count) -> {
            if ("page".equals(key.tags().get("kind")) && !key.tags().get("outcome").startsWith("network_")) {
                total[0] += count;
            }
        });
        return total[0];
    }

    /**
     * Per host, the share of extracted articles that had each field: {@code {"host": {"title": 1.0,
     * "body": 1.0, "date": 0.5, "author": 0.0}}}. A falling share shows a site whose layout changed.
     */
    private static Map<String, Map<String, Double>> completeness(CounterSnapshot s) {
        Map<String, Map<String, long[]>> seen = new TreeMap<>(); // host -> field -> {present, total}
        s.forEach("herald.extract.fields", (key, count) -> {
            long[] n = seen.computeIfAbsent(key.tags().get("host"), h -> new TreeMap<>())
                    .computeIfAbsent(key.tags().get("field"), f -> new long[2]);
            n[0] += "true".equals(key.tags().get("present")) ? count : 0;
            n[1] += count;
        });
        Map<String, Map<String, Double>> out = new TreeMap<>();
        seen.forEach((host, fields) -> {
            Map<String, Double> shares = new TreeMap<>();
            fields.forEach((field, n) -> shares.put(field, n[1] == 0 ? 0.0 : Math.round(n[0] * 1000.0 / n[1]) / 1000.0));
            out.put(host, Collections.unmodifiableMap(shares));
        });
        return Collections.unmodifiableMap(out);
    }

    /** Sum of a counter's values grouped by {@code groupTag}, optionally filtered on another tag. */
    private static Map<String, Long> byTag(CounterSnapshot s, String name, String filterTag, String filterValue,
                                           String groupTag) {
        Map<String, Long> sums = new TreeMap<>();
        s.forEach(name, (key, count) -> {
            if (filterTag == null || filterValue.equals(key.tags().get(filterTag))) {
                sums.merge(key.tags().get(groupTag).toLowerCase(Locale.ROOT), count, Long::sum);
            }
        });
        return Collections.unmodifiableMap(sums);
    }
}
