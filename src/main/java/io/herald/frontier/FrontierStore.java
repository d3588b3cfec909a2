package io.herald.frontier;

import io.herald.model.CrawlUrl;

/**
 * The queued URLs, one FIFO queue per host. Related-story links of a host are served before its
 * other links. An in-memory implementation backs small crawls and tests; a durable one can replace
 * it without the frontier noticing.
 */
public interface FrontierStore {
    void push(CrawlUrl url);

    /** The next URL of the host, or null when its queue is empty. */
    CrawlUrl poll(String hostKey);

    int size(String hostKey);

    /** URLs queued across all hosts. */
    long size();

    /** Empties a host's queue and says how many URLs it held. */
    int drop(String hostKey);
}
