package io.herald.monitor;

import io.herald.model.FrontierStatus;
import io.herald.model.RevisitStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressVerticleTest {
    private static CrawlCounters counters(long elapsedMs, long fetched, long articles) {
        return new CrawlCounters(elapsedMs, fetched, articles, 2.5,
                Map.of("fetched", fetched - 4, "redirect", 1L, "http_404", 2L, "network_timeout", 1L), Map.of(),
                Map.of(), Map.of(), Map.of(), Map.of());
    }

    @Test
    void theLineReadsTheRunAndTheFrontier() {
        FrontierStatus frontier = new FrontierStatus(40, 90, 20, 3, 1, 0, 0, 6, 2, 1, false, Map.of(), RevisitStatus.NONE);
        assertThat(ProgressVerticle.line(counters(125_400, 20, 12), frontier)).isEqualTo(
                "[02:05] fetched 20  articles 12  queued 40  in flight 3  hosts 2  errors 3  robots-blocked 6  2.5 pages/s");
    }

    @Test
    void theEtaShowsOnlyWhenThePageBudgetIsWhatEndsTheCrawl() {
        FrontierStatus budgetReachable = new FrontierStatus(40, 90, 20, 3, 1, 0, 0, 6, 2, 1, false, Map.of(), RevisitStatus.NONE);
        assertThat(ProgressVerticle.eta(50, counters(8_000, 20, 12), budgetReachable)).isEqualTo("  ETA 00:12");
        assertThat(ProgressVerticle.eta(100_000, counters(8_000, 20, 12), budgetReachable))
                .as("60 URLs known, a budget of 100,000: the queue runs out first").isEmpty();
    }

    @Test
    void aResumedCrawlsLineEndsWithTheCrawlSoFar() {
        CrawlReport report = new CrawlReport(counters(1000, 10, 5), Instant.EPOCH, counters(9000, 70, 33), 3, Instant.EPOCH);
        assertThat(ProgressVerticle.crawlSoFar(report)).isEqualTo("  · crawl (run 3): fetched 70  articles 33");
    }
}
