package io.herald.cluster;

import io.herald.model.CrawlUrl;
import io.herald.model.Via;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * URLs handed over between nodes, as JSON on the clustered event bus (the local records never leave a process), and
 * the values of the queue's replica ({@link HazelcastQueueReplica}).
 */
final class UrlJson {
    private UrlJson() {
    }

    static JsonArray toJson(List<CrawlUrl> urls) {
        JsonArray array = new JsonArray();
        for (CrawlUrl url : urls) {
            array.add(toJson(url));
        }
        return array;
    }

    static List<CrawlUrl> fromJson(JsonArray array) {
        List<CrawlUrl> urls = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            urls.add(fromJson(array.getJsonObject(i)));
        }
        return urls;
    }

    /** One URL; its attempt count stays behind (its new home tries it afresh). */
    static JsonObject toJson(CrawlUrl url) {
        return new JsonObject().put("url", url.url()).put("host", url.hostKey()).put("depth", url.depth())
                .put("referrer", url.referrer()).put("via", url.via().name()).put("redirects", url.redirects());
    }

    static CrawlUrl fromJson(JsonObject o) {
        return new CrawlUrl(o.getString("url"), o.getString("host"), o.getInteger("depth"),
                o.getString("referrer"), Via.valueOf(o.getString("via")), 0, o.getInteger("redirects"));
    }
}
