package io.herald.testing;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A tiny local web site on one loopback address and a free port, with one route per path, that records
 * every request it gets: when it arrived and when its response ended, so tests can prove politeness
 * from the server's side.
 */
public final class TestSite {
    /** One request as the server saw it. */
    public record Hit(String path, long arrivedNanos, long endedNanos) {
    }

    private final Vertx vertx;
    private final String address;
    private final Map<String, Consumer<HttpServerRequest>> routes = new ConcurrentHashMap<>();
    private final List<Hit> hits = new ArrayList<>();
    private HttpServer server;

    public TestSite(Vertx vertx, String address) {
        this.vertx = vertx;
        this.address = address;
    }

    public TestSite html(String path, String html) {
        return route(path, req -> req.response().putHeader("content-type", "text/html; charset=utf-8").end(html));
    }

    /** Answers {@code path} with {@code html} only {@code delayMillis} after each request, so requests overlap. */
    public TestSite slowHtml(String path, long delayMillis, String html) {
        return route(path, req -> vertx.setTimer(delayMillis, t -> req.response()
                .putHeader("content-type", "text/html; charset=utf-8").end(html)));
    }

    public TestSite text(String path, int status, String body) {
        return route(path, req -> req.response().setStatusCode(status).putHeader("content-type", "text/plain").end(body));
    }

    public TestSite route(String path, Consumer<HttpServerRequest> handler) {
        routes.put(path, handler);
        return this;
    }

    public Future<TestSite> start() {
        return vertx.createHttpServer().requestHandler(this::handle).listen(0, address).map(s -> {
            server = s;
            return this;
        });
    }

    private void handle(HttpServerRequest req) {
        long arrived = System.nanoTime();
        String path = req.path();
        req.response().endHandler(v -> record(new Hit(path, arrived, System.nanoTime())));
        Consumer<HttpServerRequest> route = routes.get(path);
        if (route == null) {
            req.response().setStatusCode(404).putHeader("content-type", "text/html").end("<h1>Not found</h1>");
        } else {
            route.accept(req);
        }
    }

    private synchronized void record(Hit hit) {
        hits.add(hit);
    }

    public synchronized List<Hit> hits() {
        return List.copyOf(hits);
    }

    public List<String> paths() {
        return hits().stream().map(Hit::path).toList();
    }

    /** The smallest gap between the end of one response and the arrival of the next request, in ms. */
    public double minGapMillis() {
        List<Hit> sorted = hits().stream().sorted(Comparator.comparingLong(Hit::arrivedNanos)).toList();
        double min = Double.MAX_VALUE;
        for (int i = 1; i < sorted.size(); i++) {
            min = Math.min(min, (sorted.get(i).arrivedNanos() - sorted.get(i - 1).endedNanos()) / 1e6);
        }
        return min;
    }

    /** The smallest gap between the arrivals of two requests (start to start), in ms. */
    public double minStartGapMillis() {
        List<Long> arrivals = hits().stream().map(Hit::arrivedNanos).sorted().toList();
        double min = Double.MAX_VALUE;
        for (int i = 1; i < arrivals.size(); i++) {
            min = Math.min(min, (arrivals.get(i) - arrivals.get(i - 1)) / 1e6);
        }
        return min;
    }

    public String base() {
        return "http://" + address + ":" + server.actualPort();
    }

    public String url(String path) {
        return base() + path;
    }

    public Future<Void> close() {
        return server == null ? Future.succeededFuture() : server.close();
    }

    /** A section front: a list of headlines, each linking to its path, that no extractor takes as an article. */
    public static String frontPage(String... links) {
        StringBuilder html = new StringBuilder("<html><head><title>Front</title>"
                + "<meta property=\"og:type\" content=\"website\"></head><body><ul>");
        for (String link : links) {
            html.append("<li><a href=\"").append(link).append("\">Headline ").append(link).append("</a></li>");
        }
        return html.append("</ul></body></html>").toString();
    }

    /** A bare front page linking {@code /story/0} to {@code /story/(count - 1)}. */
    public static String storyIndex(int count) {
        StringBuilder html = new StringBuilder("<html><body>");
        for (int i = 0; i < count; i++) {
            html.append("<a href=\"/story/").append(i).append("\">Story ").append(i).append("</a> ");
        }
        return html.append("</body></html>").toString();
    }

    /** A news article page that any reasonable extractor takes as an article. */
    public static String article(String title, String body, String... links) {
        StringBuilder related = new StringBuilder();
        for (String link : links) {
            related.append("<li><a href=\"").append(link).append("\">Related: ").append(link).append("</a></li>");
        }
        String paragraphs = ("<p>" + body + " The council met on Tuesday evening to discuss the proposal, which had"
                + " drawn objections from residents, shop owners and two neighbourhood associations.</p>"
                + "<p>Officials said the plan would be revised over the coming weeks, and that a public hearing"
                + " would be held before any final vote, giving everyone a chance to speak.</p>"
                + "<p>Critics argued that the consultation had been rushed, while supporters said the changes were"
                + " long overdue and would make the district safer for pedestrians and cyclists alike.</p>");
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + "</title>"
                + "<meta property=\"og:type\" content=\"article\"><meta property=\"og:title\" content=\"" + title + "\">"
                + "<meta property=\"article:published_time\" content=\"2024-03-05T10:00:00Z\">"
                + "<meta name=\"author\" content=\"Test Reporter\"></head><body>"
                + "<nav><a href=\"/\">Home</a></nav><article><h1>" + title + "</h1>" + paragraphs
                + "<aside class=\"related\"><ul>" + related + "</ul></aside></article></body></html>";
    }
}
