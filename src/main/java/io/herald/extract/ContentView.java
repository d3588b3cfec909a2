package io.herald.extract;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeFilter;

/**
 * The page as the body extractor sees it: every element outside a boilerplate subtree. It is computed
 * once in one traversal and leaves the document untouched, so images, captions and related blocks can
 * still be read from the original tree.
 */
final class ContentView {
    private final Set<Element> kept;
    private final PageText text;

    private ContentView(Set<Element> kept, PageText text) {
        this.kept = kept;
        this.text = text;
    }

    static ContentView of(Element root, BoilerplateFilter filter, PageText text) {
        Set<Element> kept = Collections.newSetFromMap(new IdentityHashMap<>());
        root.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (!(node instanceof Element e)) {
                    return FilterResult.SKIP_CHILDREN;
                }
                if (filter.isBoilerplate(e, text)) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                kept.add(e);
                return FilterResult.CONTINUE;
            }
        });
        return new ContentView(kept, text);
    }

    /** The page's text, element by element. */
    PageText text() {
        return text;
    }

    boolean kept(Element e) {
        return kept.contains(e);
    }
}
