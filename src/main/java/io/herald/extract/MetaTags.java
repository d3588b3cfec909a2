package io.herald.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * All {@code <meta>} values of a page by lower-case key ({@code property}, {@code name}, {@code itemprop} or
 * {@code http-equiv}), in document order: OpenGraph, Twitter cards, Dublin Core and plain meta alike.
 */
final class MetaTags {
    private final Map<String, List<String>> values;

    private MetaTags(Map<String, List<String>> values) {
        this.values = values;
    }

    static MetaTags read(Document doc) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (Element meta : doc.select(Selectors.META_CONTENT)) {
            String content = TextCleaner.normalize(meta.attr("content"));
            if (content.isEmpty()) {
                continue;
            }
            for (String attr : new String[] {"property", "name", "itemprop", "http-equiv"}) {
                String key = meta.attr(attr).strip().toLowerCase(Locale.ROOT);
                if (!key.isEmpty()) {
                    values.computeIfAbsent(key, k -> new ArrayList<>()).add(content);
                }
            }
        }
        return new MetaTags(values);
    }

    /** The first value of the first key present, or null. */
    String first(String... keys) {
        for (String key : keys) {
            List<String> v = values.get(key);
            if (v != null && !v.isEmpty()) {
                return v.get(0);
            }
        }
        return null;
    }

    /** Every value of every given key, in key order. */
    List<String> all(String... keys) {
        List<String> out = new ArrayList<>();
        for (String key : keys) {
            out.addAll(values.getOrDefault(key, List.of()));
        }
        return out;
    }
}
