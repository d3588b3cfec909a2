package io.herald.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class CrawlStatsCompletenessTest {
    @Test
    void sharesOfArticlesWithEachFieldPerHost() {
        MeterRegistry registry = new SimpleMeterRegistry();
        count(registry, "a.example", "date", "true", 3);
        count(registry, "a.example", "date", "false", 1);
        count(registry, "a.example", "title", "true", 4);
        count(registry, "b.example", "author", "false", 2);
        JsonObject c = new CrawlStats(registry, Clock.systemUTC(), CrawlHistory.none()).counters().getJsonObject("completeness");
        assertThat(c.getJsonObject("a.example").getDouble("date")).isEqualTo(0.75);
        assertThat(c.getJsonObject("a.example").getDouble("title")).isEqualTo(1.0);
        assertThat(c.getJsonObject("b.example").getDouble("author")).isEqualTo(0.0);
    }

    private static void count(MeterRegistry r, String host, String field, String present, int n) {
        r.counter("herald.extract.fields", "host", host, "field", field, "present", present).increment(n);
    }
}
