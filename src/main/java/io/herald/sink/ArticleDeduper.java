package io.herald.sink;

import io.herald.model.Article;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;

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
        return seen.add(hash(key(a)));
    }

    /** Forgets {@code a}, e.g. when its write failed, so a later attempt is not taken for a duplicate. */
    public void forget(Article a) {
        seen.remove(hash(key(a)));
    }

    /**
     * Remembers the article of an output line written earlier (by a run of the same crawl that stopped),
     * so it is not written again after a restart. Lines without a url are ignored.
     */
    public void remember(JsonObject line) {
        String key = key(line.getString("canonicalUrl"), line.getString("url"));
        if (key != null) {
            seen.add(hash(key));
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

    /** 64-bit FNV-1a of the key's UTF-8 bytes, finished with the murmur3 mixer to spread short keys. */
    static long hash(String key) {
        long h = 0xcbf29ce484222325L;
        for (byte b : String.valueOf(key).getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb93fe53ab5e7L;
        return h ^ (h >>> 33);
    }
}
