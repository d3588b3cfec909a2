package io.herald.fetch;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.NetServer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPOutputStream;

/**
 * A local server with one route per behaviour the fetcher must survive, like jsoup's TestServer.
 * Also two raw TCP servers: one that accepts and never answers, one that answers with garbage.
 */
final class FetchTestServer {

    static final String HTML = "<!doctype html><html><head><title>Herald</title></head><body><p>Hello</p></body></html>";
    static final int BOMB_DECODED_BYTES = 200 * 1024 * 1024;
    static final int ROBOTS_BYTES = 700 * 1024;

    /** User-Agent headers as the server saw them, in arrival order. */
    final Queue<String> userAgents = new ConcurrentLinkedQueue<>();
    final Queue<String> acceptEncodings = new ConcurrentLinkedQueue<>();
    /** Set when the client hangs up on the endless body, which proves it stopped reading. */
    final AtomicBoolean endlessClosed = new AtomicBoolean();

    private final Vertx vertx;
    private final Buffer bomb = gzipZeros(BOMB_DECODED_BYTES);
    private final Map<String, Handler<HttpServerRequest>> routes = Map.ofEntries(
            Map.entry("/html", this::html),
            Map.entry("/gzip", req -> gzipped(req, gzip(HTML.getBytes(StandardCharsets.UTF_8)))),
            Map.entry("/bomb", req -> gzipped(req, bomb)),
            Map.entry("/endless", this::endless),
            Map.entry("/declared-huge", this::declaredHuge),
            Map.entry("/drip", this::drip),
            Map.entry("/status/404", req -> req.response().setStatusCode(404).end("not here")),
            Map.entry("/status/503", req -> req.response().setStatusCode(503).putHeader("Retry-After", "7").end()),
            Map.entry("/status/429", this::tooManyWithDate),
            Map.entry("/a/moved", req -> redirect(req, 301, "../b/target?x=1")),
            Map.entry("/protocol-relative", req -> redirect(req, 302, "//example.org/elsewhere")),
            Map.entry("/junk-location", req -> redirect(req, 302, "http://[::1")),
            Map.entry("/no-location", req -> req.response().setStatusCode(302).end()),
            Map.entry("/png", req -> req.response().putHeader(HttpHeaders.CONTENT_TYPE, "image/png")
                    .end(Buffer.buffer(new byte[256 * 1024]))),
            Map.entry("/no-content-type", req -> req.response().end(HTML)),
            Map.entry("/robots.txt", this::bigRobots),
            Map.entry("/cut", this::cutMidBody));

    private HttpServer http;
    private NetServer blackHole;
    private NetServer garbage;

    FetchTestServer(Vertx vertx) {
        this.vertx = vertx;
    }

    Future<Void> start() {
        http = vertx.createHttpServer().requestHandler(this::route);
        blackHole = vertx.createNetServer().connectHandler(socket -> { /* accept, read nothing, say nothing */ });
        garbage = vertx.createNetServer().connectHandler(socket -> socket.handler(request ->
                socket.write("SPLORT 999 ???\r\nnot: a: header\r\n\r\n\u0000\u0001garbage").onComplete(done -> socket.close())));
        return http.listen(0, "127.0.0.1")
                .compose(s -> blackHole.listen(0, "127.0.0.1"))
                .compose(s -> garbage.listen(0, "127.0.0.1"))
                .mapEmpty();
    }

    Future<Void> stop() {
        return Future.join(http.close(), blackHole.close(), garbage.close()).mapEmpty();
    }

    String url(String path) {
        return "http://127.0.0.1:" + http.actualPort() + path;
    }

    String blackHoleUrl() {
        return "http://127.0.0.1:" + blackHole.actualPort() + "/";
    }

    String garbageUrl() {
        return "http://127.0.0.1:" + garbage.actualPort() + "/";
    }

    private void route(HttpServerRequest req) {
        userAgents.add(String.valueOf(req.getHeader(HttpHeaders.USER_AGENT)));
        acceptEncodings.add(String.valueOf(req.getHeader(HttpHeaders.ACCEPT_ENCODING)));
        routes.getOrDefault(req.path(), r -> r.response().setStatusCode(404).end()).handle(req);
    }

    private void html(HttpServerRequest req) {
        req.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8").end(HTML);
    }

    private static void gzipped(HttpServerRequest req, Buffer compressed) {
        req.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/html")
                .putHeader(HttpHeaders.CONTENT_ENCODING, "gzip")
                .end(compressed);
    }

    /** Writes 64 KiB chunks for as long as the client reads them, respecting back-pressure. */
    private void endless(HttpServerRequest req) {
        HttpServerResponse response = req.response().setChunked(true)
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/html");
        response.closeHandler(v -> endlessClosed.set(true));
        Buffer chunk = Buffer.buffer(new byte[64 * 1024]);
        pump(response, chunk);
    }

    private static void pump(HttpServerResponse response, Buffer chunk) {
        while (!response.closed() && !response.writeQueueFull()) {
            response.write(chunk);
        }
        if (!response.closed()) {
            response.drainHandler(v -> pump(response, chunk));
        }
    }

    private void declaredHuge(HttpServerRequest req) {
        req.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/html")
                .putHeader(HttpHeaders.CONTENT_LENGTH, String.valueOf(100L * 1024 * 1024))
                .write("<html>");
    }

    /** One byte every 100 ms, forever: never idle long, never finished. */
    private void drip(HttpServerRequest req) {
        HttpServerResponse response = req.response().setChunked(true)
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/html");
        response.write("<");
        long timer = vertx.setPeriodic(100, id -> response.write("x"));
        response.closeHandler(v -> vertx.cancelTimer(timer));
    }

    private void tooManyWithDate(HttpServerRequest req) {
        String inAnHour = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusHours(1));
        req.response().setStatusCode(429).putHeader("Retry-After", inAnHour).end();
    }

    private static void redirect(HttpServerRequest req, int status, String location) {
        req.response().setStatusCode(status).putHeader(HttpHeaders.LOCATION, location).end();
    }

    private void bigRobots(HttpServerRequest req) {
        byte[] robots = new byte[ROBOTS_BYTES];
        byte[] line = "Disallow: /private/\n".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < robots.length; i++) {
            robots[i] = line[i % line.length];
        }
        req.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/plain").end(Buffer.buffer(robots));
    }

    /** Promises 10 000 bytes, sends 100, then hangs up. */
    private void cutMidBody(HttpServerRequest req) {
        byte[] some = new byte[100];
        Arrays.fill(some, (byte) 'a');
        req.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/html")
                .putHeader(HttpHeaders.CONTENT_LENGTH, "10000")
                .write(Buffer.buffer(some))
                .onComplete(written -> req.connection().close());
    }

    /** Compresses zeros a megabyte at a time, so the bomb never exists decoded in the test's heap. */
    static Buffer gzipZeros(int decodedBytes) {
        byte[] zeros = new byte[1024 * 1024];
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out, zeros.length)) {
            for (int written = 0; written < decodedBytes; written += zeros.length) {
                gz.write(zeros, 0, Math.min(zeros.length, decodedBytes - written));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Buffer.buffer(out.toByteArray());
    }

    static Buffer gzip(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Buffer.buffer(out.toByteArray());
    }
}
