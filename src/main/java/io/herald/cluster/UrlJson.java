package io.herald.cluster;

import io.herald.model.CrawlUrl;
import io.herald.model.Via;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/** URLs handed over between nodes, as JSON on the clustered event bus (the local records never leave a process). */
final class UrlJson {
    private UrlJson() {
    }

    static JsonArray toJson(List<CrawlUrl> urls) {
        JsonArray array = new JsonArray();
        for (CrawlUrl url : urls) {
            array.add(new JsonObject().put("url", url.url()).put("host", url.hostKey()).put("depth", url.depth())
                    .put("referrer", url.referrer()).put("via", url.via().name()).put("redirects", url.redirects()));
        }
        return array;
    }

    static List<CrawlUrl> fromJson(JsonArray array) {
        List<CrawlUrl> urls = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonObject o = array.getJsonObject(i);
            urls.add(new CrawlUrl(o.getString("url"), o.getString("host"), o.getInteger("depth"),
                    o.getString("referrer"), Via.valueOf(o.getString("via")), 0, o.getInteger("redirects")));
        }
        return urls;
    }
}
