package io.herald.sink;

import io.herald.model.Article;
import io.herald.util.LongHashSet;
import io.herald.util.UrlHash;
import io.vertx.core.json.JsonObject;


/**
 * Remembers which articles were written in this crawl, so each is written once. An article's key is its
 * canonical URL when the page gave one, else the fetched URL, trimmed and without its {@code #fragment};
 * nothing else is normalised (the frontier already did that for fetched URLs). Only a 64-bit hash of the
 * key is kept: a few million articles cost tens of megabytes, and the chance that two different keys
 * collide (and an article is wrongly skipped) is below one in a million at ten million articles.
 *
 * <p>Not thread-safe: one owner.
 */
public final class ArticleDeduper {
    private final LongHashSet seen = new LongHashSet();

    /** True the first time an article with this key is seen; it is remembered from then on. */
    public boolean firstTime(Article a) {
        return seen.add(UrlHash.of(key(a)));
    }

    /** Forgets {@code a}, e.g. when its write failed, so a later attempt is not taken for a duplicate. */
    public void forget(Article a) {
        seen.remove(UrlHash.of(key(a)));
    }

    /**
     * Remembers the article of an output line written earlier (by a run of the same crawl that stopped),
     * so it is not written again after a restart. Lines without a url are ignored.
     */
    public void remember(JsonObject line) {
        String key = key(line.getString("canonicalUrl"), line.getString("url"));
        if (key != null) {
            seen.add(UrlHash.of(key));
        }
    }

    /** How many distinct articles are remembered. */
    public int size() {
        return seen.size();
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
