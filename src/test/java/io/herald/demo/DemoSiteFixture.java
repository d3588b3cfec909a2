package io.herald.demo;

import io.vertx.core.Vertx;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import java.util.List;
import java.util.concurrent.TimeUnit;

/** A demo site on 127.0.0.2/3/4, port 0, plus a blocking client: tests read like a transcript. */
final class DemoSiteFixture implements AutoCloseable {
    final Vertx vertx = Vertx.vertx();
    final DemoSite site = new DemoSite(vertx, new DemoSite.Options(List.of("127.0.0.2", "127.0.0.3", "127.0.0.4"), 0));
    final WebClient client = WebClient.create(vertx, new WebClientOptions().setFollowRedirects(false));
    final List<String> bases;

    DemoSiteFixture() throws Exception {
        bases = site.start().await(20, TimeUnit.SECONDS);
    }

    HttpResponse<Buffer> get(String url) throws Exception {
        return client.getAbs(url).send().await(10, TimeUnit.SECONDS);
    }

    Document page(String url) throws Exception {
        HttpResponse<Buffer> res = get(url);
        if (res.statusCode() != 200) {
            throw new AssertionError(url + " answered " + res.statusCode());
        }
        return Jsoup.parse(res.bodyAsString(), url);
    }

    /** An article of the manifest on the given host (0, 1, 2). */
    String articleOn(int host) {
        return site.manifest().articleUrls().stream().filter(u -> u.startsWith(bases.get(host))).sorted()
                .findFirst().orElseThrow();
    }

    @Override
    public void close() throws Exception {
        client.close();
        site.close().await(10, TimeUnit.SECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
    }
}
