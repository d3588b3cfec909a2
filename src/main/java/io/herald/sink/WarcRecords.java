package io.herald.sink;

import io.herald.model.HttpCapture;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.WarcTruncationReason;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

/**
 * Turns an {@link HttpCapture} into WARC 1.1 records (jwarc builds them), each compressed as a gzip member of its
 * own so a reader can start at any record and a torn tail loses only the last one. The HTTP messages are written
 * from the capture: request and status lines, headers in the order Vert.x gave them, a blank line, the body. Since
 * the body is stored de-chunked and decoded, {@code Transfer-Encoding} and the server's {@code Content-Length} are
 * kept as {@code X-Herald-Transfer-Encoding} / {@code X-Herald-Content-Length} and a {@code Content-Length} of the
 * stored body is added (StormCrawler's WARC module does the same with {@code X-Crawler-}), so that WARC readers do
 * not try to de-chunk a body that is no longer chunked.
 *
 * <p>Not thread-safe: one per writer thread (it reuses its buffers).
 */
final class WarcRecords {
    /** The WARC 1.1 profile for a 304 Not Modified: the server said the content is unchanged. */
    static final URI SERVER_NOT_MODIFIED = URI.create("http://netpreserve.org/warc/1.1/revisit/server-not-modified");
    private static final String RENAMED_PREFIX = "X-Herald-";

    private final ByteArrayOutputStream plain = new ByteArrayOutputStream(64 * 1024);
    private final ByteArrayOutputStream packed = new ByteArrayOutputStream(32 * 1024);
    private final WarcWriter writer;

    WarcRecords() {
        try {
            writer = new WarcWriter(Channels.newChannel(plain), WarcCompression.NONE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a WARC writer in memory", e);
        }
    }

    /** One exchange's records, each a whole gzip member: the request, then the response (or revisit). */
    record Pair(byte[] request, byte[] response) {
        int length() {
            return request.length + response.length;
        }
    }

    /** The {@code warcinfo} record that starts a file; {@code fields} are its {@code application/warc-fields}. */
    byte[] warcinfo(URI id, String filename, Instant date, Map<String, String> fields) throws IOException {
        Map<String, List<String>> values = new LinkedHashMap<>();
        fields.forEach((k, v) -> values.put(k, List.of(v)));
        Warcinfo info = new Warcinfo.Builder().recordId(id).filename(filename).date(date).fields(values).build();
        return gzip(info);
    }

    /** The request and response records of an exchange; a 304 gets a server-not-modified revisit record. */
    Pair exchange(HttpCapture c, URI warcinfoId) throws IOException {
        URI requestId = uuid();
        URI responseId = uuid();
        InetAddress ip = ip(c.ip());
        byte[] requestBlock = requestBlock(c);
        byte[] body = c.body();
        byte[] responseBlock = responseBlock(c, c.status() == 304 ? new byte[0] : body);

        WarcRequest.Builder request = new WarcRequest.Builder(c.url()).recordId(requestId).date(c.date())
                .warcinfoId(warcinfoId).concurrentTo(responseId)
                .body(MediaType.HTTP_REQUEST, requestBlock).blockDigest(sha1(requestBlock, 0, requestBlock.length));
        if (ip != null) {
            request.ipAddress(ip);
        }
        WarcRecord response = c.status() == 304 ? revisit(c, responseId, warcinfoId, ip, responseBlock)
                : response(c, responseId, warcinfoId, ip, responseBlock, body);
        return new Pair(gzip(request.build()), gzip(response));
    }

    private static WarcRecord response(HttpCapture c, URI id, URI warcinfoId, InetAddress ip, byte[] block,
                                       byte[] body) {
        WarcResponse.Builder b = new WarcResponse.Builder(c.url()).recordId(id).date(c.date()).warcinfoId(warcinfoId)
                .body(MediaType.HTTP_RESPONSE, block).blockDigest(sha1(block, 0, block.length))
                .payloadDigest(sha1(body, 0, body.length));
        if (ip != null) {
            b.ipAddress(ip);
        }
        if (c.truncated() != null) {
            b.truncated(WarcTruncationReason.valueOf(c.truncated().toUpperCase(Locale.ROOT)));
        }
        return b.build();
    }

    private static WarcRecord revisit(HttpCapture c, URI id, URI warcinfoId, InetAddress ip, byte[] block) {
        WarcRevisit.Builder b = new WarcRevisit.Builder(URI.create(c.url()), SERVER_NOT_MODIFIED).recordId(id)
                .date(c.date()).warcinfoId(warcinfoId)
                .body(MediaType.HTTP_RESPONSE, block).blockDigest(sha1(block, 0, block.length));
        if (ip != null) {
            b.ipAddress(ip);
        }
        return b.build();
    }

    /** The request line and headers as sent; a GET has no body. */
    static byte[] requestBlock(HttpCapture c) {
        StringBuilder head = new StringBuilder(512);
        head.append(c.method()).append(' ').append(c.requestTarget()).append(' ').append(c.version()).append("\r\n");
        for (Map.Entry<String, String> h : c.requestHeaders()) {
            head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
        }
        return head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The status line, the headers (framing ones renamed), a Content-Length of the stored body, then the body. */
    static byte[] responseBlock(HttpCapture c, byte[] body) {
        StringBuilder head = new StringBuilder(1024);
        head.append(c.version()).append(' ').append(c.status());
        if (c.reason() != null && !c.reason().isEmpty()) {
            head.append(' ').append(c.reason());
        }
        head.append("\r\n");
        for (Map.Entry<String, String> h : c.responseHeaders()) {
            String name = h.getKey();
            boolean framing = name.equalsIgnoreCase("Transfer-Encoding") || name.equalsIgnoreCase("Content-Length");
            head.append(framing ? RENAMED_PREFIX + name : name).append(": ").append(h.getValue()).append("\r\n");
        }
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] block = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, block, 0, headBytes.length);
        System.arraycopy(body, 0, block, headBytes.length, body.length);
        return block;
    }

    private byte[] gzip(WarcRecord record) throws IOException {
        plain.reset();
        writer.write(record);
        packed.reset();
        try (GZIPOutputStream out = new GZIPOutputStream(packed, 8192)) { // level 6: jwarc's own gzip uses 9
            plain.writeTo(out);
        }
        return packed.toByteArray();
    }

    private static WarcDigest sha1(byte[] bytes, int from, int length) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(bytes, from, length);
            return new WarcDigest(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JRE has SHA-1", e);
        }
    }

    static URI uuid() {
        return URI.create("urn:uuid:" + UUID.randomUUID());
    }

    // An address literal, so no name is looked up.
    private static InetAddress ip(String address) {
        if (address == null || address.isEmpty() || !Character.isDigit(address.charAt(0)) && address.indexOf(':') < 0) {
            return null;
        }
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
