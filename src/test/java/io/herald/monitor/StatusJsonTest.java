package io.herald.monitor;

import io.herald.model.FrontierStatus;
import io.herald.model.RevisitStatus;
import io.herald.model.HostPoliteness;
import io.herald.model.HostView;
import io.herald.model.LatencySummary;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StatusJsonTest {
    private static HostPoliteness host(String state, Long ageMs, String skipped) {
        return new HostPoliteness(7, 2, new HostPoliteness.RobotsView(state, "http://a.test/robots.txt", ageMs, true, 1500),
                2000, "crawl-delay", 350, 1, 1, 3, 1, "http_503", 42, "10.0.0.1", skipped);
    }

    @Test
    void revisitsAndDiscoveryLatencyOfAContinuousCrawl() {
        RevisitStatus revisits = new RevisitStatus(12, List.of(new RevisitStatus.NextVisit("http://a.test/",
                Instant.parse("2026-12-05T21:00:00Z"), 90.0)), new LatencySummary(40, 12.5, 70.25, 301.0));
        JsonObject json = StatusJson.frontier(new FrontierStatus(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, false, Map.of(),
                revisits));

        assertThat(json.getJsonObject("revisits").encode()).isEqualTo("{\"scheduled\":12,\"next\":[{\"url\":"
                + "\"http://a.test/\",\"at\":\"2026-12-05T21:00:00Z\",\"intervalSeconds\":90.0}]}");
        assertThat(json.getJsonObject("discoveryLatency").encode()).isEqualTo(
                "{\"count\":40,\"p50Seconds\":12.5,\"p90Seconds\":70.25,\"maxSeconds\":301.0}");
        JsonObject none = StatusJson.latency(LatencySummary.NONE);
        assertThat(none.getLong("count")).isZero();
        assertThat(none.containsKey("p50Seconds") && none.getValue("p50Seconds") == null).isTrue();
    }

    @Test
    void eachRecordFieldLandsUnderItsName() {
        Map<String, HostView> hosts = new LinkedHashMap<>();
        hosts.put("http://b.test", new HostView(host("fetched", 900L, null), 5));
        hosts.put("http://a.test", new HostView(host("given-up", null, "robots.txt unreachable"), 0));
        JsonObject json = StatusJson.frontier(new FrontierStatus(11, 20, 9, 2, 1, 3, 4, 6, 700, 5, false, hosts,
                RevisitStatus.NONE));

        assertThat(json.encode()).startsWith("{\"queued\":11,\"seen\":20,\"pagesStarted\":9,\"pagesInFlight\":2,"
                + "\"robotsInFlight\":1,\"sitemapsQueued\":3,\"sitemapsInFlight\":4,\"robotsBlocked\":6,\"hostCount\":700,");
        assertThat(List.copyOf(json.getJsonObject("hosts").fieldNames())).containsExactly("http://b.test", "http://a.test");
        assertThat(json.getJsonObject("hosts").getJsonObject("http://b.test").encode()).isEqualTo(
                "{\"requests\":7,\"robotsBlocked\":2,\"robots\":{\"state\":\"fetched\",\"url\":\"http://a.test/robots.txt\","
                        + "\"ageMs\":900,\"truncated\":true,\"crawlDelayMs\":1500},\"delayMs\":2000,\"delayReason\":\"crawl-delay\","
                        + "\"dueInMs\":350,\"inFlight\":1,\"maxInFlight\":1,\"consecutiveFailures\":3,\"parks\":1,"
                        + "\"lastOutcome\":\"http_503\",\"serverMs\":42,\"ip\":\"10.0.0.1\",\"skipped\":null,\"queued\":5}");
        JsonObject skipped = json.getJsonObject("hosts").getJsonObject("http://a.test");
        assertThat(skipped.getString("skipped")).isEqualTo("robots.txt unreachable");
        assertThat(skipped.getJsonObject("robots").containsKey("ageMs")).as("null is written, not left out").isTrue();
        assertThat(skipped.getJsonObject("robots").getValue("ageMs")).isNull();
    }

    @Test
    void anUnknownFrontierHasNoHosts() {
        assertThat(StatusJson.frontier(FrontierStatus.unknown()).getJsonObject("hosts").isEmpty()).isTrue();
    }
}
