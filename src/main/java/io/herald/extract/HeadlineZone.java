package io.herald.extract;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;

/**
 * The short lines between the headline and the first long paragraph, where pages without metadata put
 * the byline and the date ("By Beth Carlson, Staff Writer", "Posted Wednesday, February 28, 2024").
 */
record HeadlineZone(List<String> bylines, List<String> dates) {
    private static final int LONG_TEXT = 200;
    private static final int MAX_LINE = 120;
    private static final int MAX_LINES = 30;

    HeadlineZone {
        bylines = List.copyOf(bylines);
        dates = List.copyOf(dates);
    }

    static HeadlineZone read(Document doc, Element headline, PageText page) {
        List<String> bylines = new ArrayList<>();
        List<String> dates = new ArrayList<>();
        if (headline == null) {
            return new HeadlineZone(bylines, dates);
        }
        int[] lines = {0};
        boolean[] after = {false};
        doc.body().filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node == headline) {
                    after[0] = true;
                    return FilterResult.SKIP_CHILDREN;
                }
                if (!after[0] || !(node instanceof TextNode t) || t.isBlank()) {
                    return FilterResult.CONTINUE;
                }
                String text = TextCleaner.normalize(t.text());
                if (text.length() > LONG_TEXT || ++lines[0] > MAX_LINES) {
                    return FilterResult.STOP;
                }
                Element parent = t.parentNode() instanceof Element p ? p : null;
                String line = parent != null && page.length(parent) <= MAX_LINE ? page.text(parent) : text;
                if (Authors.looksLikeByline(line)) {
                    bylines.add(line);
                } else if (text.length() <= MAX_LINE) {
                    dates.add(text);
                }
                return FilterResult.CONTINUE;
            }
        });
        return new HeadlineZone(bylines, dates);
    }
}
