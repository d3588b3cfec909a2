package io.herald.testing;

import io.herald.app.CrawlRunner;
import io.herald.config.CrawlConfig;

/** Crawl runners for the tests. */
public final class TestRunners {
    private TestRunners() {
    }

    /** The whole crawl in this process: no cluster to share it with. */
    public static CrawlRunner standalone(CrawlConfig config) {
        return new CrawlRunner(config, null);
    }
}
