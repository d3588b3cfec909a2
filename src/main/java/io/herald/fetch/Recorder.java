package io.herald.fetch;

import io.herald.model.FetchResult;
import io.herald.model.HttpCapture;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.net.SocketAddress;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Keeps what an {@link Exchange} sent and received, for the WARC output: the request as written, the response head,
 * and the body of responses Herald does not keep (redirects and errors, up to {@link Exchange#DISCARD_LIMIT}).
 * Called from the exchange's callbacks on the connection's event loop; {@link #capture} runs once, in its
 * {@code finish}.
 */
final class Recorder {
    private volatile Instant sentAt;
    private volatile HttpClientRequest request;
    private volatile HttpClientResponse response;
    private Buffer discarded;
    private boolean ended;
    private String truncated;

    void sent(HttpClientRequest req) {
        request = req;
        sentAt = Instant.now();
    }

    void head(HttpClientResponse resp) {
        response = resp;
    }

    /** A chunk of a body Herald drains but does not keep; beyond the limit it is counted as cut by length. */
    void discardedChunk(Buffer chunk) {
        if (discarded == null) {
            discarded = Buffer.buffer();
        }
        int room = Exchange.DISCARD_LIMIT - discarded.length();
        if (chunk.length() <= room) {
            discarded.appendBuffer(chunk);
        } else {
            discarded.appendBuffer(chunk, 0, Math.max(0, room));
            truncated = "length";
        }
    }

    void ended() {
        ended = true;
    }

    /** The kept body stops short of what the server sent, for {@code reason} (a WARC-Truncated value). */
    void truncated(String reason) {
        if (truncated == null) {
            truncated = reason;
        }
    }

    /** The exchange as recorded, or null when no response head came (nothing to record). */
    HttpCapture capture(FetchResult result, Buffer keptBody, boolean timedOut) {
        HttpClientResponse resp = response;
        HttpClientRequest req = request;
        if (resp == null || req == null || result instanceof FetchResult.NetworkError) {
            return null;
        }
        byte[] body = body(result, keptBody);
        String cut = truncated;
        if (cut == null && result instanceof FetchResult.NotHtml) {
            cut = "unspecified"; // Herald stops after the head of a page that is not HTML
        } else if (cut == null && result instanceof FetchResult.TooLarge) {
            cut = "length";
        } else if (cut == null && !ended && !(result instanceof FetchResult.Fetched)) {
            cut = timedOut ? "time" : "disconnect";
        }
        return new HttpCapture(req.absoluteURI(), sentAt, ip(req), req.getMethod().name(), req.getURI(),
                version(resp), requestHeaders(req), resp.statusCode(), resp.statusMessage(),
                headers(resp.headers()), body, cut);
    }

    private byte[] body(FetchResult result, Buffer keptBody) {
        if (result instanceof FetchResult.Fetched fetched) {
            return fetched.body(); // shared, not copied: neither side writes it
        }
        if (discarded != null) {
            return discarded.getBytes();
        }
        return keptBody == null ? new byte[0] : keptBody.getBytes();
    }

    private static String version(HttpClientResponse resp) {
        return switch (resp.version()) {
            case HTTP_1_0 -> "HTTP/1.0";
            case HTTP_1_1 -> "HTTP/1.1";
            default -> "HTTP/2";
        };
    }

    private static String ip(HttpClientRequest req) {
        try {
            SocketAddress remote = req.connection().remoteAddress();
            return remote == null ? null : remote.hostAddress();
        } catch (RuntimeException noConnection) {
            return null;
        }
    }

    /**
     * The headers set on the request, then {@code host}, which Vert.x adds last when it writes the request (so it is
     * not among the request's headers) and leaves out the scheme's default port of.
     */
    private static List<Map.Entry<String, String>> requestHeaders(HttpClientRequest req) {
        List<Map.Entry<String, String>> sent = new ArrayList<>(headers(req.headers()));
        if (!req.headers().contains(HttpHeaders.HOST)) {
            URI uri = URI.create(req.absoluteURI());
            boolean defaultPort = uri.getPort() < 0 || uri.getPort() == ("https".equals(uri.getScheme()) ? 443 : 80);
            sent.add(Map.entry(HttpHeaders.HOST.toString(),
                    defaultPort ? uri.getHost() : uri.getHost() + ":" + uri.getPort()));
        }
        return List.copyOf(sent);
    }

    private static List<Map.Entry<String, String>> headers(MultiMap headers) {
        List<Map.Entry<String, String>> list = new ArrayList<>(headers.size());
        for (Map.Entry<String, String> header : headers) {
            list.add(Map.entry(header.getKey(), header.getValue()));
        }
        return List.copyOf(list);
    }
}
