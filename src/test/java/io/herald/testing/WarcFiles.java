package io.herald.testing;

import org.netpreserve.jwarc.HttpRequest;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MessageHeaders;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.WarcTargetRecord;
import org.netpreserve.jwarc.Warcinfo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads WARC files back with jwarc's reader, which throws on anything it cannot parse, and checks every record's
 * block digest; keeps what the tests look at, since jwarc's records are streams read once.
 */
public final class WarcFiles {
    /** One record as read. {@code status}, {@code headers} and {@code payload} are the HTTP message's (or null). */
    public record Read(String type, URI id, String target, List<URI> concurrentTo, URI warcinfoId, Integer status,
                       String requestLine, MessageHeaders headers, byte[] payload, URI profile, String filename,
                       String truncated, long offset) {
    }

    private WarcFiles() {
    }

    /** Every record of every file, in order. */
    public static List<Read> readAll(List<Path> files) throws IOException {
        List<Read> all = new ArrayList<>();
        for (Path file : files) {
            try (WarcReader reader = new WarcReader(file)) {
                reader.calculateBlockDigest();
                while (true) {
                    var next = reader.next();
                    if (next.isEmpty()) {
                        break;
                    }
                    all.add(read(next.get(), reader.position())); // jwarc: where the record just read starts
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
        return all;
    }

    /** The one record that starts at {@code offset} of {@code file}. */
    public static Read readAt(Path file, long offset) throws IOException {
        try (FileChannel ch = FileChannel.open(file)) {
            ch.position(offset);
            WarcReader reader = new WarcReader(ch);
            reader.calculateBlockDigest();
            return read(reader.next().orElseThrow(), offset);
        }
    }

    private static Read read(WarcRecord record, long offset) throws IOException {
        Integer status = null;
        String requestLine = null;
        MessageHeaders headers = null;
        byte[] payload = null;
        URI profile = null;
        String filename = null;
        if (record instanceof WarcResponse response) {
            HttpResponse http = response.http();
            status = http.status();
            headers = http.headers();
            payload = http.body().stream().readAllBytes();
        } else if (record instanceof WarcRevisit revisit) {
            HttpResponse http = revisit.http();
            status = http.status();
            headers = http.headers();
            payload = http.body().stream().readAllBytes();
            profile = revisit.profile();
        } else if (record instanceof WarcRequest request) {
            HttpRequest http = request.http();
            requestLine = http.method() + " " + http.target() + " " + http.version();
            headers = http.headers();
        } else if (record instanceof Warcinfo info) {
            filename = info.filename().orElse(null);
        }
        record.body().consume();
        if (!record.calculatedBlockDigest().equals(record.blockDigest())) {
            throw new IOException("block digest mismatch in " + record.id());
        }
        String target = record instanceof WarcTargetRecord t ? t.target() : null;
        List<URI> concurrent = record instanceof org.netpreserve.jwarc.WarcCaptureRecord c ? c.concurrentTo() : List.of();
        URI warcinfo = record instanceof WarcTargetRecord t ? t.warcinfoID().orElse(null) : null;
        String truncated = record.headers().first("WARC-Truncated").orElse(null);
        return new Read(record.type(), record.id(), target, concurrent, warcinfo, status, requestLine, headers, payload,
                profile, filename, truncated, offset);
    }
}
