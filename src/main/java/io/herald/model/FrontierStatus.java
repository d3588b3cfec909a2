package io.herald.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The frontier's counters and per-host state at one moment: the reply on {@link Addresses#FRONTIER_STATUS}, which
 * the monitor shows under {@code frontier} in {@code /status} and the summary writes as {@code hosts}.
 *
 * @param queued           URLs waiting in the frontier, all hosts
 * @param seen             distinct URLs the frontier has accepted or refused as already known
 * @param pagesStarted     page fetches handed out this run
 * @param pagesInFlight    page fetches handed out and not yet done
 * @param robotsInFlight   robots.txt fetches handed out and not yet done
 * @param sitemapsQueued   sitemaps waiting to be fetched
 * @param sitemapsInFlight sitemaps being fetched
 * @param robotsBlocked    links dropped because robots.txt refuses them
 * @param hostCount        hosts the frontier knows (may exceed {@code hosts.size()}, which is capped)
 * @param dueHosts         hosts with queued work not merely waiting out a politeness delay (due, fetching or
 *                         failing); 0 while paused
 * @param paused           whether the crawl was paused over the control API
 * @param hosts            per host key ({@code scheme://host[:port]}), in the frontier's order; unmodifiable
 * @param revisits         a continuous crawl's hub schedule and discovery latency ({@link RevisitStatus#NONE} in
 *                         {@code once} mode)
 */
public record FrontierStatus(long queued, long seen, long pagesStarted, int pagesInFlight, int robotsInFlight,
                             int sitemapsQueued, int sitemapsInFlight, long robotsBlocked, int hostCount,
                             int dueHosts, boolean paused, Map<String, HostView> hosts, RevisitStatus revisits) {
    public FrontierStatus {
        Objects.requireNonNull(hosts, "hosts");
        Objects.requireNonNull(revisits, "revisits");
        hosts = Collections.unmodifiableMap(new LinkedHashMap<>(hosts));
    }

    /** What the summary records when the frontier did not answer: nothing known, no hosts. */
    public static FrontierStatus unknown() {
        return new FrontierStatus(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, false, Map.of(), RevisitStatus.NONE);
    }
}
