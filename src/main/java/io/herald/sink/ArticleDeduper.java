package io.herald.sink;

import io.herald.model.Article;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.function.Consumer;


/**
 * Decides which articles are written: each once per crawl. An article's key is its canonical URL when the page
 * gave one, else the fetched URL, trimmed and without its {@code #fragment}; nothing else is normalised (the
 * frontier already did that for fetched URLs). The keys are kept by a {@link WrittenKeys}: on the heap, or in
 * the crawl's store so that they survive a restart without reading the whole output back.
 *
 * <p>With {@code versions} on (a continuous crawl that revisits articles), an article whose key was written is an
 * update when its text is new: each written version also claims {@code key#<contentHash>}, and version N claims
 * {@code key#vN} (version 1 is the plain key, as without versions). So a text written before, as any version, is
 * a duplicate, and a new one takes the lowest version number not yet claimed. These keys go the way of any key:
 * recorded after the line, stored with the sync after it, and read back from the lines after the last one.
 */
public final class ArticleDeduper {
    /** {@link #claim}'s answer for an article that is not written. */
    public static final int DUPLICATE = 0;

    private final WrittenKeys keys;
    private final boolean versions;

    /** @param versions a changed text of an article written before is written again, as its next version */
    public ArticleDeduper(WrittenKeys keys, boolean versions) {
        this.keys = keys;
        this.versions = versions;
    }

    /**
     * Claims the keys of the version of {@code a} to write: 1 the first time its key is seen, N > 1 for a text not
     * written before of an article written before (only with versions on), {@link #DUPLICATE} for nothing to write.
     */
    public int claim(Article a) {
        String key = key(a);
        String text = versions ? textKey(key, hash(a)) : null;
        if (keys.claim(key)) {
            if (text != null) {
                keys.claim(text);
            }
            return 1;
        }
        if (text == null || !keys.claim(text)) {
            return DUPLICATE;
        }
        int version = 2;
        while (!keys.claim(versionKey(key, version))) {
            version++; // as many steps as versions written: a few
        }
        return version;
    }

    /** The article's line is in the output. */
    public void written(Article a) {
        eachKey(a, keys::recorded);
    }

    /** Forgets {@code a}, e.g. when its write failed, so a later attempt is not taken for a duplicate. */
    public void forget(Article a) {
        eachKey(a, keys::release);
    }

    /**
     * Remembers the article of an output line written earlier (by a run of the same crawl that stopped),
     * so it is not written again after a restart. Lines without a url are ignored.
     */
    public void remember(JsonObject line) {
        String key = key(line.getString("canonicalUrl"), line.getString("url"));
        if (key == null) {
            return;
        }
        Integer version = line.getInteger("version");
        rememberKey(version == null || version <= 1 ? key : versionKey(key, version));
        if (versions) {
            rememberKey(textKey(key, line.getString("contentHash")));
        }
    }

    private void rememberKey(String key) {
        if (keys.claim(key)) {
            keys.recorded(key);
        }
    }

    private void eachKey(Article a, Consumer<String> action) {
        keys(a).forEach(action);
    }

    /**
     * The keys the line of {@code a} (as {@link #claim} numbered it) holds: its key, or {@code key#vN} for an
     * update; with versions on also {@code key#<contentHash>}. Claimed cluster-wide in cluster mode.
     */
    List<String> keys(Article a) {
        String key = key(a);
        String own = a.update() ? versionKey(key, a.version()) : key;
        return versions ? List.of(own, textKey(key, hash(a))) : List.of(own);
    }

    private static String hash(Article a) {
        return a.content() == null ? null : ArticleJson.contentHash(a.content().text());
    }

    // A key never holds a '#' (the fragment is cut), so these cannot be taken for an article's own key.
    private static String versionKey(String key, int version) {
        return key + "#v" + version;
    }

    private static String textKey(String key, String contentHash) {
        return key + "#" + contentHash;
    }

    /**
     * How many lines are remembered: distinct articles, or with versions on, versions (each holds two keys, its
     * version's and its text's; lines written earlier without versions hold one, so this is then a lower bound).
     */
    public long size() {
        return versions ? keys.size() / 2 : keys.size();
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
