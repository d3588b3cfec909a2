package io.herald.sink;

import io.herald.model.Article;
import io.vertx.core.json.JsonObject;


/**
 * Decides which articles are written: each once per crawl. An article's key is its canonical URL when the page
 * gave one, else the fetched URL, trimmed and without its {@code #fragment}; nothing else is normalised (the
 * frontier already did that for fetched URLs). The keys are kept by a {@link WrittenKeys}: on the heap, or in
 * the crawl's store so that they survive a restart without reading the whole output back.
 */
public final class ArticleDeduper {
    private final WrittenKeys keys;

    public ArticleDeduper(WrittenKeys keys) {
        this.keys = keys;
    }

    /** True the first time an article with this key is seen; it is claimed from then on. */
    public boolean firstTime(Article a) {
        return keys.claim(key(a));
    }

    /** The article's line is in the output. */
    public void written(Article a) {
        keys.recorded(key(a));
    }

    /** Forgets {@code a}, e.g. when its write failed, so a later attempt is not taken for a duplicate. */
    public void forget(Article a) {
        keys.release(key(a));
    }

    /**
     * Remembers the article of an output line written earlier (by a run of the same crawl that stopped),
     * so it is not written again after a restart. Lines without a url are ignored.
     */
    public void remember(JsonObject line) {
        String key = key(line.getString("canonicalUrl"), line.getString("url"));
        if (key != null && keys.claim(key)) {
            keys.recorded(key);
        }
    }

    /** How many distinct articles are remembered. */
    public long size() {
        return keys.size();
    }

    /** The keys' record of how far the output is covered; null when all earlier output must be read. */
    OutputMark mark() {
        return keys.mark();
    }

    /** Everything written up to {@code mark} is synced and recorded. */
    void marked(OutputMark mark) {
        keys.marked(mark);
    }

    static String key(Article a) {
        String canonical = a.content() == null ? null : a.content().canonicalUrl();
        return key(canonical, a.url());
    }

    static String key(String canonicalUrl, String url) {
        String key = clean(canonicalUrl);
        return key != null ? key : clean(url);
    }

    private static String clean(String url) {
        if (url == null) {
            return null;
        }
        String s = url.strip();
        int hash = s.indexOf('#');
        if (hash >= 0) {
            s = s.substring(0, hash);
        }
        return s.isEmpty() ? null : s;
    }
}
