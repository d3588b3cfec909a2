package io.herald.fetch;

import io.herald.model.CrawlUrl;
import io.herald.model.FetchResult;
import io.herald.model.FetchTask;
import io.herald.model.Via;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class FetchMetricsTest {
    @Test
    void outcomesAreCountedByKindOfRequestAndOutcome() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        FetchMetrics metrics = new FetchMetrics(registry);
        CrawlUrl url = new CrawlUrl("http://news.test/robots.txt", "http://news.test:80", 0, null, Via.SEED, 0, 0);
        FetchResult error = new FetchResult.HttpError(new FetchTask(url, FetchTask.Kind.ROBOTS), Duration.ofMillis(1),
                Duration.ofMillis(1), 404, null);
        metrics.outcome(error);
        metrics.outcome(error);
        assertThat(registry.get(FetchMetrics.OUTCOMES).tag("kind", "robots").tag("outcome", error.outcome())
                .counter().count()).isEqualTo(2.0);
    }
}
