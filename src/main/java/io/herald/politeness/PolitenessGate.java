package io.herald.politeness;

import crawlercommons.robots.BaseRobotRules;
import io.herald.config.PolitenessConfig;
import io.herald.model.FetchResult;
import io.herald.model.HostPoliteness;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * The per-host clock. A host may get a request when its robots.txt is known (and fresh), fewer requests than
 * its limit are in flight, the clock has passed its due time, and (when the per-IP floor is on) its address is
 * free. The gap is the largest of the configured delay, the robots Crawl-delay, the adaptive delay, a
 * Retry-After and the backoff ({@link DelayPolicy}); a host that keeps failing is parked, then given up.
 *
 * <p><b>Spacing rule.</b> The gap spaces request <em>starts</em>, whatever {@code perHostConcurrency} is. The next
 * request may start at {@code max(due time, last start + gap)}, the gap being the one owed now:
 * <ul>
 *   <li>When a fixed delay applies (configured delay, Crawl-delay, Retry-After, backoff or park above zero), the
 *       host has at most one request in flight, and the end of each response sets the due time to end + gap,
 *       so the next start is no sooner than {@code max(previous start + gap, previous end + gap)}. Concurrency
 *       cannot shorten a Crawl-delay, and the server never sees two requests closer than the gap, however long
 *       a request takes to reach it.</li>
 *   <li>When only the adaptive delay applies (configured delay 0, no Crawl-delay, no failure), up to
 *       {@code perHostConcurrency} requests may be in flight, and starts are spaced by the adaptive gap
 *       ({@code adaptiveFactor} × the smoothed server time, capped at {@code maxAdaptiveDelay}); the end of a
 *       response does not move the clock, except with {@code perHostConcurrency: 1} (the default), where the
 *       end + gap rule above holds as it always has.</li>
 * </ul>
 * A host here is a server (host name): its origins ({@code http://a}, {@code https://a:8443}) share the
 * in-flight count and the clock, the largest gap of any origin applies to all of them, and if a fixed delay
 * applies to any origin the server has one request in flight ({@link ServerClock}).
 *
 * <p>What it knows of a host ({@link HostState}: its {@link HostRobots} and {@link HostClock}) is saved to a
 * {@link HostStore} as it changes (rules when accepted; the clock, backoff, parks and counters after each
 * response) and loaded when the gate first meets the host, so a resumed crawl keeps robots rules younger than
 * {@code politeness.robotsTtl}, backoff, parks, given-up hosts and Retry-After waits. After a restart a host
 * already contacted waits one full delay before its first request, because its last request may not have been
 * recorded ({@link SavedHostMapper} has the rule).
 *
 * <p>Single-threaded: the frontier verticle is its only caller. Time comes from the injected clock, so
 * tests drive it without waiting.
 */
public final class PolitenessGate {
    private static final Duration MAX_ROBOTS_RETRY_AFTER = Duration.ofDays(1);

    private final PolitenessConfig config;
    private final RobotsPolicy robotsPolicy;
    private final DelayPolicy delays;
    private final IpFloor ipFloor;
    private final int robotsCapBytes;
    private final Clock clock;
    private final SavedHostMapper saved;
    private final Map<String, HostState> hosts = new HashMap<>();
    /** Clocks by host name: http://a, https://a and http://a:8080 are paced as one server. */
    private final Map<String, ServerClock> servers = new HashMap<>();

    /**
     * The server a host key belongs to, as this gate paces them: origins that differ only in scheme or port are one
     * server with one clock. Whatever shares the gate's work (the cluster's host ring) must keep a server together.
     */
    public static String server(String hostKey) {
        return HostState.serverName(hostKey);
    }

    /**
     * @param backoffBase    first backoff step after a failure; it doubles with each further one
     * @param robotsCapBytes the robots.txt download cap (a body of this length was cut)
     */
    public PolitenessGate(PolitenessConfig config, Duration backoffBase, int robotsCapBytes, Clock clock) {
        this(config, backoffBase, robotsCapBytes, clock, HostStore.NONE);
    }

    /** As above, keeping what it learns of each host in {@code store} across runs. */
    public PolitenessGate(PolitenessConfig config, Duration backoffBase, int robotsCapBytes, Clock clock,
                          HostStore store) {
        this(config, backoffBase, robotsCapBytes, clock, () -> ThreadLocalRandom.current().nextDouble(), store);
    }

    /** As above, with the source of backoff jitter (uniform in [0, 1)) given, so tests can fix it. */
    public PolitenessGate(PolitenessConfig config, Duration backoffBase, int robotsCapBytes, Clock clock,
                          DoubleSupplier jitter) {
        this(config, backoffBase, robotsCapBytes, clock, jitter, HostStore.NONE);
    }

    public PolitenessGate(PolitenessConfig config, Duration backoffBase, int robotsCapBytes, Clock clock,
                          DoubleSupplier jitter, HostStore store) {
        this.config = config;
        this.robotsPolicy = new RobotsPolicy(config.robotsAgent());
        this.delays = new DelayPolicy(config, backoffBase, jitter);
        this.ipFloor = new IpFloor(config.perIpDelay().toMillis());
        this.robotsCapBytes = robotsCapBytes;
        this.clock = clock;
        this.saved = new SavedHostMapper(store, robotsPolicy, delays, robotsCapBytes);
    }

    /**
     * What may happen on {@code hostKey} now. In order: robots.txt may hold the host (given up, being fetched,
     * unreachable until its retry); then the server's in-flight limit; then its clock; then the per-IP floor;
     * and then robots.txt is requested first if it is not known yet.
     */
    public Decision check(String hostKey) {
        HostState host = host(hostKey);
        long now = clock.millis();
        host.robots.tick(now, config.robotsTtl());
        Decision robots = host.robots.hold();
        if (robots != null) {
            return robots;
        }
        if (host.server.inFlight() >= inFlightLimit(host)) {
            return Decision.BLOCKED;
        }
        if (now < host.server.dueAt()) {
            return Decision.waitUntil(host.server.dueAt());
        }
        Decision ip = ipFloor.check(hostKey, now);
        if (ip != null) {
            return ip;
        }
        return host.robots.mustFetch() ? Decision.FETCH_ROBOTS : Decision.READY;
    }

    /** Records the address of a host (needed only when the per-IP floor is on). */
    public void resolved(String hostKey, String ip) {
        ipFloor.resolved(hostKey, ip);
    }

    /** Other origins of the same server, and hosts sharing its address: they may have waited for its request. */
    public List<String> neighbours(String hostKey) {
        List<String> origins = host(hostKey).server.hostKeys();
        if (origins.size() == 1 && !ipFloor.enabled()) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>(origins);
        if (ipFloor.enabled()) {
            out.addAll(ipFloor.neighbours(hostKey));
        }
        out.remove(hostKey);
        return List.copyOf(out);
    }

    /** The robots.txt URL to request for the host (the target of a followed redirect, if any). */
    public String robotsUrl(String hostKey) {
        return host(hostKey).robots.url();
    }

    /** True when the host's robots rules allow the (normalised) URL; a refusal is counted for the host. */
    public boolean allows(String hostKey, String url) {
        HostState host = host(hostKey);
        boolean allowed = host.robots.allows(url);
        if (!allowed) {
            host.robotsBlocked++;
            saved.saveState(host);
        }
        return allowed;
    }

    /** Why the host gets no more requests, or null. */
    public String skipReason(String hostKey) {
        return host(hostKey).robots.skipReason();
    }

    public void robotsStarted(String hostKey) {
        HostState host = host(hostKey);
        host.robots.fetching();
        started(host);
    }

    public void pageStarted(String hostKey) {
        started(host(hostKey));
    }

    private void started(HostState host) {
        host.requests++;
        host.clock.started(clock.millis());
        ipFloor.started(host.hostKey);
    }

    /** One request at a time while a fixed delay applies to any origin of the server; else perHostConcurrency. */
    private int inFlightLimit(HostState host) {
        return host.server.inFlightLimit(config.perHostConcurrency());
    }

    /** Records the end of a robots.txt exchange and what it says. */
    public void robotsDone(FetchResult result) {
        HostState host = host(result.task().target().hostKey());
        ended(host, result, false, null);
        if (result instanceof FetchResult.Fetched fetched) {
            host.robots.truncated(RobotsPolicy.truncated(fetched.body(), robotsCapBytes));
            acceptRules(host, robotsPolicy.parse(host.robots.url(), fetched.body(), fetched.contentType(),
                    robotsCapBytes), SavedRobots.FETCHED);
            saved.saveRobots(host, fetched.body(), fetched.contentType());
        } else if (result instanceof FetchResult.Redirect redirect && host.robots.mayFollow(redirect.location())) {
            host.robots.redirectTo(redirect.location());
        } else if (result instanceof FetchResult.Redirect || result instanceof FetchResult.NotHtml) {
            // RFC 9309 2.3.1.2: a redirect chain that cannot be followed means "unavailable", like a 4xx
            acceptRules(host, robotsPolicy.forStatus(404).orElseThrow(), "redirect-allow");
            saved.saveRobots(host, null, null);
        } else if (result instanceof FetchResult.HttpError error
                && robotsPolicy.forStatus(error.status()).isPresent()) {
            acceptRules(host, robotsPolicy.forStatus(error.status()).orElseThrow(), "4xx-allow");
            saved.saveRobots(host, null, null);
        } else {
            unreachable(host, result instanceof FetchResult.HttpError error ? error.retryAfter() : null);
        }
        saved.saveState(host); // after the rules: a host whose state record is missing is loaded as new
    }

    /** Records the end of a page exchange; sets the host's next due time, parks or gives up a failing host. */
    public void pageDone(FetchResult result) {
        HostState host = host(result.task().target().hostKey());
        Duration retryAfter = result instanceof FetchResult.HttpError error ? error.retryAfter() : null;
        ended(host, result, isFailure(result), retryAfter);
        if (host.clock.consecutiveFailures() >= config.failuresBeforePark()) {
            park(host);
        }
        saved.saveState(host);
    }

    private void ended(HostState host, FetchResult result, boolean failure, Duration retryAfter) {
        long now = clock.millis();
        host.clock.ended(result.serverTime(), failure);
        ipFloor.ended(host.hostKey, now);
        host.lastOutcome = result.outcome();
        host.clock.owe(delays.choose(host.clock, host.robots.crawlDelay(), retryAfter));
        if (inFlightLimit(host) == 1) { // one at a time: the gap counts from the end too; else it spaces starts only
            host.clock.notBefore(now + host.server.gapMillis());
        }
    }

    /** Circuit open: no request for {@code parkFor}, then one probe; a host parked too often is given up. */
    private void park(HostState host) {
        if (host.clock.park(config.failuresBeforePark()) > config.maxParks()) {
            host.robots.giveUp("dead: " + config.failuresBeforePark() + " failures in a row, " + config.maxParks()
                    + " times");
            return;
        }
        host.clock.notBefore(clock.millis() + config.parkFor().toMillis());
        host.clock.owe(Delay.parked(config.parkFor()));
    }

    private void acceptRules(HostState host, BaseRobotRules rules, String source) {
        long now = clock.millis();
        Duration crawlDelay = robotsPolicy.crawlDelay(rules);
        host.robots.accept(rules, source, now, crawlDelay);
        String refusal = delays.crawlDelayRefusal(crawlDelay);
        if (refusal != null) {
            host.robots.giveUp(refusal);
            return;
        }
        Delay delay = delays.choose(host.clock, crawlDelay, null); // the Crawl-delay applies from this very response on
        host.clock.owe(delay);
        host.clock.notBefore(now + delay.millis());
    }

    /** robots.txt could not be had: ask again after robotsRetryDelay, or a longer Retry-After (at most a day). */
    private void unreachable(HostState host, Duration retryAfter) {
        long wait = config.robotsRetryDelay().toMillis();
        if (retryAfter != null) {
            wait = Math.max(wait, Math.min(retryAfter.toMillis(), MAX_ROBOTS_RETRY_AFTER.toMillis()));
        }
        host.robots.unreachable(clock.millis() + wait, config.robotsRetries());
    }

    private static boolean isFailure(FetchResult result) {
        return result instanceof FetchResult.NetworkError
                || result instanceof FetchResult.HttpError error && error.isTransient();
    }

    /** The robots rules of a host, if known (for tests and status). */
    public Optional<BaseRobotRules> rules(String hostKey) {
        return Optional.ofNullable(host(hostKey).robots.rules());
    }

    /**
     * The Sitemap: lines of robots rules restored from an earlier run, the first time they are asked for (a
     * fetched robots.txt's are read by the caller from {@link #rules}); so a resumed crawl reads them again as
     * it did when it fetched robots.txt on every start.
     */
    public List<String> restoredSitemaps(String hostKey) {
        return host(hostKey).robots.takeRestoredSitemaps();
    }

    /**
     * Whether the host is only waiting out its delay (configured, Crawl-delay, adaptive, Retry-After): nothing in
     * flight, no failures since its last success, robots.txt not deferred, and not yet due. A host backing off after
     * errors is not in a polite wait: it is trying and failing.
     */
    public boolean politeWait(String hostKey) {
        HostState host = host(hostKey);
        return host.clock.inFlight() == 0 && host.clock.consecutiveFailures() == 0
                && host.robots.stage() != HostRobots.Stage.UNREACHABLE && clock.millis() < host.server.dueAt();
    }

    /** Requests in flight to the host's server (any scheme or port of its name). */
    public int inFlight(String hostKey) {
        return host(hostKey).server.inFlight();
    }

    /** The host's politeness state for {@code /status}. */
    public HostPoliteness describe(String hostKey) {
        HostState host = host(hostKey);
        return HostStatus.describe(host, clock.millis(), host.server.dueAt(), inFlightLimit(host),
                ipFloor.ipOf(hostKey));
    }

    private HostState host(String hostKey) {
        HostState host = hosts.get(hostKey);
        if (host == null) {
            ServerClock server = servers.computeIfAbsent(HostState.serverName(hostKey), name -> new ServerClock());
            host = new HostState(hostKey, server);
            hosts.put(hostKey, host);
            if (!saved.restore(host, clock.millis())) {
                // the configured delay holds from the first request, robots.txt included
                host.clock.owe(delays.choose(host.clock, Duration.ZERO, null));
            }
        }
        return host;
    }
}
