package io.herald.extract;

import io.herald.model.ArticleContent;
import io.herald.model.ExtractResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * The extractor's per-site health counters. {@code herald.extract.fields{host,field,present}} counts, for
 * every article, whether title, body, date and author were found, so a site whose layout change breaks
 * extraction shows as a falling share of {@code present=true}; {@code herald.extract.rule_misses{host,field}}
 * counts site-rule selectors that matched nothing (the generic path was used instead).
 */
final class ExtractMetrics {
    static final String FIELDS = "herald.extract.fields";
    static final String RULE_MISSES = "herald.extract.rule_misses";
    static final String RULE_MISSED = "rule-missed:";

    private final MeterRegistry registry;

    ExtractMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(String url, ExtractResult result) {
        String host = host(url);
        ArticleContent a = result.article();
        List<String> flags = a != null ? a.extraction().flags() : result.flags();
        for (String flag : flags) {
            if (flag.startsWith(RULE_MISSED)) {
                Counter.builder(RULE_MISSES).description("Site-rule selectors that matched nothing")
                        .tag("host", host).tag("field", flag.substring(RULE_MISSED.length()))
                        .register(registry).increment();
            }
        }
        if (a != null) {
            field(host, "title", a.title() != null);
            field(host, "body", a.text() != null && !a.text().isBlank());
            field(host, "date", a.publishedAt() != null);
            field(host, "author", !a.authors().isEmpty());
        }
    }

    private void field(String host, String field, boolean present) {
        Counter.builder(FIELDS).description("Articles by whether a field was extracted")
                .tag("host", host).tag("field", field).tag("present", Boolean.toString(present))
                .register(registry).increment();
    }

    static String host(String url) {
        try {
            String h = URI.create(url).getHost();
            return h == null ? "unknown" : h.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException | NullPointerException e) {
            return "unknown";
        }
    }
}
