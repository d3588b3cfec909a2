package io.herald.sink;

import io.herald.model.HttpCapture;
import io.herald.model.WarcRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.herald.testing.WarcFiles.Read;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.herald.testing.WarcFiles.readAll;
import static io.herald.testing.WarcFiles.readAt;
import static org.assertj.core.api.Assertions.assertThat;

class WarcOutputTest {
    private static final Map<String, String> INFO = Map.of("software", "herald test", "isPartOf", "test");

    @TempDir
    Path dir;

    static HttpCapture capture(String path, int status, String body) {
        return new HttpCapture("http://127.0.0.1:8080" + path, Instant.parse("2026-03-01T10:15:30Z"), "127.0.0.1",
                "GET", path, "HTTP/1.1",
                List.of(Map.entry("User-Agent", "HeraldTest/1.0"), Map.entry("host", "127.0.0.1:8080")),
                status, status == 304 ? "Not Modified" : "OK",
                List.of(Map.entry("content-type", "text/html; charset=utf-8"), Map.entry("transfer-encoding", "chunked")),
                body.getBytes(StandardCharsets.UTF_8), null);
    }

    @Test
    void eachFileStartsWithWarcinfoAndHoldsRequestThenResponse() throws IOException {
        WarcRef ref;
        try (WarcOutput out = new WarcOutput(dir, 1 << 20, INFO, Clock.systemUTC())) {
            ref = out.write(capture("/a", 200, "<p>hello</p>"));
        }
        List<Path> files = WarcOutput.existingFiles(dir);
        assertThat(files).hasSize(1);
        String name = files.get(0).getFileName().toString();
        assertThat(name).matches("herald-[0-9]{14}-00001\\.warc\\.gz");
        List<Read> records = readAll(files);
        assertThat(records).extracting(Read::type).containsExactly("warcinfo", "request", "response");
        assertThat(records.get(0).filename()).isEqualTo(name);
        Read request = records.get(1);
        Read response = records.get(2);
        assertThat(request.concurrentTo()).containsExactly(response.id());
        assertThat(request.requestLine()).isEqualTo("GET /a HTTP/1.1");
        assertThat(request.headers().first("User-Agent")).contains("HeraldTest/1.0");
        assertThat(response.warcinfoId()).isEqualTo(records.get(0).id());
        assertThat(response.status()).isEqualTo(200);
        // the stored body is de-chunked, so the framing header is renamed and a length added
        assertThat(response.headers().first("Transfer-Encoding")).isEmpty();
        assertThat(response.headers().first("X-Herald-transfer-encoding")).contains("chunked");
        assertThat(response.headers().first("Content-Length")).contains("12");
        assertThat(new String(response.payload(), StandardCharsets.UTF_8)).isEqualTo("<p>hello</p>");

        assertThat(ref).isEqualTo(new WarcRef(name, response.offset()));
        assertThat(readAt(files.get(0), ref.offset()).id()).isEqualTo(response.id());
    }

    @Test
    void notModifiedIsARevisitRecord() throws IOException {
        try (WarcOutput out = new WarcOutput(dir, 1 << 20, INFO, Clock.systemUTC())) {
            out.write(capture("/a", 304, ""));
        }
        Read revisit = readAll(WarcOutput.existingFiles(dir)).get(2);
        assertThat(revisit.type()).isEqualTo("revisit");
        assertThat(revisit.profile()).isEqualTo(WarcRecords.SERVER_NOT_MODIFIED);
        assertThat(revisit.status()).isEqualTo(304);
    }

    @Test
    void rotatesBySizeAndEveryFileReadsClean() throws IOException {
        String body = "x".repeat(3000);
        try (WarcOutput out = new WarcOutput(dir, 4096, INFO, Clock.systemUTC())) {
            for (int i = 0; i < 12; i++) {
                out.write(capture("/p" + i, 200, body + i));
            }
        }
        List<Path> files = WarcOutput.existingFiles(dir);
        assertThat(files).hasSizeGreaterThan(2);
        for (Path file : files) {
            assertThat(readAll(List.of(file)).get(0).type()).isEqualTo("warcinfo");
            assertThat(Files.size(file)).isLessThanOrEqualTo(4096);
        }
        assertThat(readAll(files).stream().filter(r -> r.type().equals("response")).count()).isEqualTo(12);
    }

    @Test
    void aTornTailIsCutOffAtTheNextStartAndTheNextRunStartsANewFile() throws IOException {
        try (WarcOutput out = new WarcOutput(dir, 1 << 20, INFO, Clock.systemUTC())) {
            out.write(capture("/a", 200, "first page"));
            out.write(capture("/b", 200, "second page"));
        }
        Path file = WarcOutput.existingFiles(dir).get(0);
        long whole = Files.size(file);
        List<Read> before = readAll(List.of(file));
        cutTo(file, whole - 7); // inside the last response: as a kill -9 in the middle of the write would leave it

        try (WarcOutput out = new WarcOutput(dir, 1 << 20, INFO, Clock.systemUTC())) {
            out.write(capture("/c", 200, "third page"));
        }
        List<Path> files = WarcOutput.existingFiles(dir);
        assertThat(files).hasSize(2);
        List<Read> repaired = readAll(List.of(files.get(0)));
        // the torn response and its request are gone; the first pair is whole
        assertThat(repaired).extracting(Read::id).containsExactly(before.get(0).id(), before.get(1).id(),
                before.get(2).id());
        assertThat(WarcOutput.number(files.get(1))).isEqualTo(2);
        assertThat(readAll(files).stream().filter(r -> r.type().equals("response")).count()).isEqualTo(2);
    }

    @Test
    void negativeControlJwarcChokesOnTheTornFileBeforeRepair() throws IOException {
        try (WarcOutput out = new WarcOutput(dir, 1 << 20, INFO, Clock.systemUTC())) {
            out.write(capture("/a", 200, "first page ".repeat(200)));
        }
        Path file = WarcOutput.existingFiles(dir).get(0);
        cutTo(file, Files.size(file) - 40);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> readAll(List.of(file)))
                .isInstanceOf(IOException.class);
    }

    @Test
    void aFileTornInsideItsWarcinfoIsRemoved() throws IOException {
        try (WarcOutput out = new WarcOutput(dir, 1 << 20, INFO, Clock.systemUTC())) {
            out.write(capture("/a", 200, "page"));
        }
        Path file = WarcOutput.existingFiles(dir).get(0);
        cutTo(file, 20);
        assertThat(WarcOutput.repair(file)).isEqualTo(20);
        assertThat(file).doesNotExist();
    }

    @Test
    void aRequestWhoseResponseWasLostIsCutToo() throws IOException {
        try (WarcOutput out = new WarcOutput(dir, 1 << 20, INFO, Clock.systemUTC())) {
            out.write(capture("/a", 200, "page"));
        }
        Path file = WarcOutput.existingFiles(dir).get(0);
        List<Read> records = readAll(List.of(file));
        cutTo(file, records.get(2).offset()); // the request is whole, its response is gone
        assertThat(readAll(List.of(file))).hasSize(2); // which jwarc reads without complaint
        WarcOutput.repair(file);
        assertThat(readAll(List.of(file))).extracting(Read::id).containsExactly(records.get(0).id());
    }

    private static void cutTo(Path file, long length) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(length);
        }
    }
}
