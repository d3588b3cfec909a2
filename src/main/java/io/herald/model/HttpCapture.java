package io.herald.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What was sent and received in one HTTP exchange that got a response head, kept for the WARC output. Headers are
 * as Vert.x exposes them (names in the case and order it gives, values decoded as ISO-8859-1); the body is what the
 * client handed over: de-chunked and decoded from gzip/deflate, and cut short as {@code truncated} says. Immutable by
 * convention: the body array is never written after the capture is made.
 *
 * @param url             the URL that was requested (the WARC-Target-URI)
 * @param date            when the request was written on a connection (the WARC-Date)
 * @param ip              the server's address, or null when the connection did not say
 * @param method          the request method
 * @param requestTarget   the request-target of the request line (path and query)
 * @param version         the protocol of the response, e.g. {@code HTTP/1.1}
 * @param requestHeaders  the headers Herald sent, in order
 * @param status          the response status code
 * @param reason          the response's reason phrase
 * @param responseHeaders the response headers, in order
 * @param body            the body bytes received (possibly none)
 * @param truncated       why the body is incomplete ({@code length}, {@code time}, {@code disconnect},
 *                        {@code unspecified}, the WARC-Truncated values), or null when it is whole
 */
public record HttpCapture(String url, Instant date, String ip, String method, String requestTarget, String version,
                          List<Map.Entry<String, String>> requestHeaders, int status, String reason,
                          List<Map.Entry<String, String>> responseHeaders, byte[] body, String truncated) {
}
