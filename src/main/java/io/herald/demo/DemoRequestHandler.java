package io.herald.demo;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Serves one host's pre-rendered pages and records every request it receives. */
final class DemoRequestHandler implements Handler<HttpServerRequest> {
    private static final String HTML = "text/html; charset=utf-8";
    private final String host;
    private final Supplier<HostPages> pages;
    private final Consumer<DemoSite.Hit> hits;

    /** @param pages null until rendering has finished (the servers must be bound before links are known) */
    DemoRequestHandler(String host, Supplier<HostPages> pages, Consumer<DemoSite.Hit> hits) {
        this.host = host;
        this.pages = pages;
        this.hits = hits;
    }

    @Override
    public void handle(HttpServerRequest req) {
        String query = req.query();
        hits.accept(new DemoSite.Hit(host, req.path() + (query == null ? "" : "?" + query), System.nanoTime()));
        HttpServerResponse res = req.response();
        HostPages site = pages.get();
        if (site == null) {
            res.setStatusCode(503).putHeader("Retry-After", "1").end();
        } else if (req.method() != HttpMethod.GET && req.method() != HttpMethod.HEAD) {
            res.setStatusCode(405).putHeader("Allow", "GET, HEAD").end();
        } else if ("/robots.txt".equals(req.path())) {
            send(res, 200, "text/plain; charset=utf-8", site.robots());
        } else {
            String html = site.pages().get(req.path());
            send(res, html == null ? 404 : 200, HTML, html == null ? site.notFound() : html);
        }
    }

    private static void send(HttpServerResponse res, int status, String contentType, String body) {
        res.setStatusCode(status).putHeader("Content-Type", contentType).putHeader("Cache-Control", "max-age=60")
                .end(Buffer.buffer(body.getBytes(StandardCharsets.UTF_8)));
    }
}
