package io.herald.monitor;

import io.herald.app.CrawlRunner;
import io.herald.config.CrawlConfig;
import io.herald.config.MonitorConfig;
import io.herald.testing.TestConfigs;
import io.herald.testing.TestRunners;
import io.herald.testing.TestSite;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static io.herald.testing.ConfigSections.withMonitor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code GET /status} is a published contract ({@code docs/schema/herald.status-1.schema.json}): a real response
 * from a small local crawl must validate against the schema and have exactly the fields of the response captured
 * before the status became records ({@code src/test/resources/monitor/status-example.json}).
 */
class StatusContractTest {
    static final Path SCHEMA_FILE = Path.of("docs/schema/herald.status-1.schema.json");
    static final Path EXAMPLE = Path.of("src/test/resources/monitor/status-example.json");
    /** Objects whose keys are data (hosts, outcomes, fields), not field names: their keys show as {@code *}. */
    private static final Set<String> KEYED_BY_DATA = Set.of("pageOutcomes", "robotsOutcomes", "urls", "extracted",
            "articles", "completeness", "completeness.*", "frontier.hosts");

    static JsonObject schema;
    static Validator validator;

    private final Vertx vertx = Vertx.vertx();
    @TempDir
    Path tmp;

    @BeforeAll
    static void loadSchema() throws IOException {
        schema = new JsonObject(Files.readString(SCHEMA_FILE));
        validator = Validator.create(JsonSchema.of(schema),
                new JsonSchemaOptions().setDraft(Draft.DRAFT202012).setBaseUri("https://herald.invalid/"));
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().await(30, TimeUnit.SECONDS);
    }

    @Test
    void liveStatusHasTheContractedFieldsAndValidates() throws Exception {
        JsonObject live = statusDuringACrawl();

        assertValid(live);
        assertThat(fieldPaths(live)).containsExactlyElementsOf(fieldPaths(new JsonObject(Files.readString(EXAMPLE))));
        JsonObject host = live.getJsonObject("frontier").getJsonObject("hosts").stream().findFirst()
                .map(e -> (JsonObject) e.getValue()).orElseThrow();
        // keys come in the order the schema lists them
        assertThat(List.copyOf(live.getJsonObject("frontier").fieldNames()))
                .containsExactlyElementsOf(required(def("frontier")));
        assertThat(List.copyOf(host.fieldNames())).containsExactlyElementsOf(required(def("host")));
        assertThat(List.copyOf(host.getJsonObject("robots").fieldNames()))
                .containsExactlyElementsOf(required(def("robots")));
    }

    @Test
    void renamedMissingOrUndocumentedFieldsAreRejected() throws IOException {
        JsonObject good = new JsonObject(Files.readString(EXAMPLE));
        assertValid(good);
        List<JsonObject> bad = new ArrayList<>();
        bad.add(renamed(good.copy(), "frontier", "frontier2"));
        JsonObject queueRenamed = good.copy();
        renamed(queueRenamed.getJsonObject("frontier"), "queued", "queue");
        bad.add(queueRenamed);
        JsonObject hostRenamed = good.copy();
        JsonObject host = firstHost(hostRenamed);
        host.put("delay", host.remove("delayMs"));
        bad.add(hostRenamed);
        JsonObject robotsState = good.copy();
        firstHost(robotsState).getJsonObject("robots").put("state", "FETCHED");
        bad.add(robotsState);
        JsonObject totalRuns = good.copy();
        totalRuns.getJsonObject("total").remove("runs");
        bad.add(totalRuns);
        JsonObject noNull = good.copy();
        firstHost(noNull).remove("ip"); // a null is written, never left out
        bad.add(noNull);
        bad.add(good.copy().put("error", "timeout")); // frontier or error, not both
        for (JsonObject json : bad) {
            assertThat(validator.validate(json).getValid()).as(json.encode()).isFalse();
        }
        // the field-set comparison of the live test notices a rename too
        assertThat(fieldPaths(hostRenamed)).isNotEqualTo(fieldPaths(good)).contains("frontier.hosts.*.delay");
        assertThat(fieldPaths(good)).contains("frontier.hosts.*.robots.ageMs", "total.completeness.*.*",
                "pageOutcomes.*");
    }

    @Test
    void theBodyWhenTheFrontierDoesNotAnswerValidates() {
        CrawlStats stats = new CrawlStats(new SimpleMeterRegistry(), Clock.systemUTC(), CrawlHistory.none());
        assertValid(StatusJson.unavailable(stats, new RuntimeException("Timed out after waiting 2000(ms) for a reply")));
    }

    private JsonObject statusDuringACrawl() throws Exception {
        TestSite site = new TestSite(vertx, "127.0.0.7").start().await(10, TimeUnit.SECONDS);
        site.text("/robots.txt", 200, "User-agent: *\nDisallow: /private/\n");
        List<String> links = new ArrayList<>(List.of("/private/x"));
        for (int i = 1; i <= 8; i++) {
            links.add("/a" + i);
            site.html("/a" + i, TestSite.article("Story " + i, "Story " + i + " begins here.", "/a1"));
        }
        StringBuilder front = new StringBuilder("<html><head><title>Front</title></head><body>");
        links.forEach(l -> front.append("<a href=\"").append(l).append("\">").append(l).append("</a> "));
        site.html("/", front.append("</body></html>").toString());
        CrawlConfig config = withMonitor(TestConfigs.crawl(List.of(site.url("/")),
                TestConfigs.politeness(Duration.ofMillis(250), 1), tmp.resolve("out")),
                new MonitorConfig(true, "127.0.0.1", 0, Duration.ZERO));
        CrawlRunner runner = TestRunners.standalone(config);
        var run = runner.run();
        await().atMost(Duration.ofSeconds(20)).until(() -> runner.monitorPort() > 0);
        HttpClient http = HttpClient.newHttpClient();
        URI status = URI.create("http://127.0.0.1:" + runner.monitorPort() + "/status");
        AtomicReference<HttpResponse<String>> last = new AtomicReference<>();
        // every counter map has an entry once two articles are written
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            last.set(http.send(HttpRequest.newBuilder(status).build(), HttpResponse.BodyHandlers.ofString()));
            return new JsonObject(last.get().body()).getLong("articlesWritten") >= 2;
        });
        assertThat(run.isDone()).as("the crawl was still running when /status was read").isFalse();
        runner.requestStop();
        run.get(60, TimeUnit.SECONDS);
        assertThat(last.get().statusCode()).isEqualTo(200);
        assertThat(last.get().headers().firstValue("content-type")).hasValue("application/json");
        return new JsonObject(last.get().body());
    }

    /** Every field's dotted path, with data keys (host names, outcomes) as {@code *}, sorted. */
    static List<String> fieldPaths(JsonObject json) {
        Set<String> paths = new TreeSet<>();
        collect(json, "", paths);
        return List.copyOf(paths);
    }

    private static void collect(JsonObject json, String path, Set<String> out) {
        String unprefixed = path.startsWith("total.") ? path.substring("total.".length()) : path;
        boolean data = KEYED_BY_DATA.contains(unprefixed);
        json.forEach(e -> {
            String child = (path.isEmpty() ? "" : path + ".") + (data ? "*" : e.getKey());
            out.add(child);
            if (e.getValue() instanceof JsonObject nested) {
                collect(nested, child, out);
            }
        });
    }

    private static JsonObject def(String name) {
        return schema.getJsonObject("$defs").getJsonObject(name);
    }

    private static List<String> required(JsonObject def) {
        JsonArray required = def.getJsonArray("required");
        return required.stream().map(String::valueOf).toList();
    }

    private static JsonObject firstHost(JsonObject status) {
        JsonObject hosts = status.getJsonObject("frontier").getJsonObject("hosts");
        return hosts.getJsonObject(hosts.fieldNames().iterator().next());
    }

    private static JsonObject renamed(JsonObject json, String from, String to) {
        json.put(to, json.remove(from));
        return json;
    }

    private static void assertValid(JsonObject json) {
        OutputUnit result = validator.validate(json);
        assertThat(result.getValid()).as("%s%n%s", json.encode(), result).isTrue();
    }
}
