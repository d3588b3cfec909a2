package io.herald.politeness;

import crawlercommons.robots.BaseRobotRules;
import io.herald.config.PolitenessConfig;
import io.herald.model.FetchResult;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * applies to any origin the server has one request in flight.
 *
 * <p>What it knows of a host is saved to a {@link HostMemory} as it changes (rules when accepted; the clock,
 * backoff, parks and counters after each response) and loaded when the gate first meets the host, so a
 * resumed crawl keeps robots rules younger than {@code politeness.robotsTtl}, backoff, parks, given-up hosts
 * and Retry-After waits. After a restart a host already contacted waits one full delay before its first
 * request, because its last request may not have been recorded ({@link SlotMemory} has the rule).
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
    private final SlotMemory memory;
    private final Map<String, HostSlot> slots = new HashMap<>();
    /** Origins by host name: http://a, https://a and http://a:8080 are paced as one server. */
    private final Map<String, List<HostSlot>> byServer = new HashMap<>();

    /**
     * @param backoffBase    first backoff step after a failure; it doubles with each further one
     * @param robotsCapBytes the robots.txt download cap (a body of this length was cut)
     */
    public PolitenessGate(PolitenessConfig config, Duration backoffBase, int robotsCapBytes, Clock clock) {
        this(config, backoffBase, robotsCapBytes, clock, HostMemory.NONE);
    }

    /** As above, keeping what it learns of each host in {@code memory} across runs. */
    public PolitenessGate(PolitenessConfig config, Duration backoffBase, int robotsCapBytes, Clock clock,
                          HostMemory memory) {
        this(config, backoffBase, robotsCapBytes, clock, () -> ThreadLocalRandom.current().nextDouble(), memory);
    }

    /** As above, with the source of backoff jitter (uniform in [0, 1)) given, so tests can fix it. */
    public PolitenessGate(PolitenessConfig config, Duration backoffBase, int robotsCapBytes, Clock clock,
                          DoubleSupplier jitter) {
        this(config, backoffBase, robotsCapBytes, clock, jitter, HostMemory.NONE);
    }

    public PolitenessGate(PolitenessConfig config, Duration backoffBase, int robotsCapBytes, Clock clock,
                          DoubleSupplier jitter, HostMemory memory) {
        this.config = config;
        this.robotsPolicy = new RobotsPolicy(config.robotsAgent());
        this.delays = new DelayPolicy(config, backoffBase, jitter);
        this.ipFloor = new IpFloor(config.perIpDelay().toMillis());
        this.robotsCapBytes = robotsCapBytes;
        this.clock = clock;
        this.memory = new SlotMemory(memory, robotsPolicy, delays, robotsCapBytes);
    }

    /** What may happen on {@code hostKey} now. */
    public Decision check(String hostKey) {
        HostSlot slot = slot(hostKey);
        long now = clock.millis();
        Decision robots = robotsGate(slot, now);
        if (robots != null) {
            return robots;
        }
        if (serverInFlight(slot) >= inFlightLimit(slot)) {
            return Decision.BLOCKED;
        }
        long dueAt = serverDueAt(slot);
        if (now < dueAt) {
            return Decision.waitUntil(dueAt);
        }
        if (ipFloor.enabled()) {
            if (!ipFloor.knows(hostKey)) {
                return Decision.RESOLVE;
            }
            Decision ip = ipFloor.check(hostKey, now);
            if (ip != null) {
                return ip;
            }
        }
        return slot.robots == HostSlot.Robots.UNKNOWN ? Decision.FETCH_ROBOTS : Decision.READY;
    }

    /** The robots.txt part of {@link #check}: null when robots lets the check go on. */
    private Decision robotsGate(HostSlot slot, long now) {
        switch (slot.robots) {
            case GIVEN_UP:
                return Decision.GIVE_UP;
            case FETCHING:
                return Decision.BLOCKED;
            case UNREACHABLE:
                if (now < slot.robotsRetryAt) {
                    return Decision.waitUntil(slot.robotsRetryAt);
                }
                slot.robots = HostSlot.Robots.UNKNOWN;
                return null;
            case READY:
                if (now - slot.robotsFetchedAt >= config.robotsTtl().toMillis()) {
                    slot.robots = HostSlot.Robots.UNKNOWN; // stale: fetch again, keep the old rules meanwhile
                    slot.robotsUrl = slot.hostKey + "/robots.txt";
                    slot.robotsRedirects = 0;
                }
                return null;
            default:
                return null;
        }
    }

    /** Records the address of a host (needed only when the per-IP floor is on). */
    public void resolved(String hostKey, String ip) {
        ipFloor.resolved(hostKey, ip);
    }

    /** Other origins of the same server, and hosts sharing its address: they may have waited for its request. */
    public List<String> neighbours(String hostKey) {
        List<HostSlot> origins = byServer.getOrDefault(slot(hostKey).serverName, List.of());
        if (origins.size() == 1 && !ipFloor.enabled()) {
            return List.of();
        }
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        origins.forEach(origin -> out.add(origin.hostKey));
        if (ipFloor.enabled()) {
            out.addAll(ipFloor.neighbours(hostKey));
        }
        out.remove(hostKey);
        return List.copyOf(out);
    }

    /** The robots.txt URL to request for the host (the target of a followed redirect, if any). */
    public String robotsUrl(String hostKey) {
        return slot(hostKey).robotsUrl;
    }

    /** True when the host's robots rules allow the (normalised) URL; a refusal is counted for the host. */
    public boolean allows(String hostKey, String url) {
        HostSlot slot = slot(hostKey);
        boolean allowed = slot.rules == null || slot.rules.isAllowed(url);
        if (!allowed) {
            slot.robotsBlocked++;
            memory.saveClock(slot);
        }
        return allowed;
    }

    /** Why the host gets no more requests, or null. */
    public String skipReason(String hostKey) {
        return slot(hostKey).skipReason;
    }

    public void robotsStarted(String hostKey) {
        HostSlot slot = slot(hostKey);
        slot.robots = HostSlot.Robots.FETCHING;
        started(slot);
    }

    public void pageStarted(String hostKey) {
        started(slot(hostKey));
    }

    private void started(HostSlot slot) {
        slot.inFlight++;
        slot.requests++;
        slot.lastStartAt = clock.millis();
        ipFloor.started(slot.hostKey);
    }

    private int serverInFlight(HostSlot slot) {
        int inFlight = 0;
        for (HostSlot origin : byServer.get(slot.serverName)) {
            inFlight += origin.inFlight;
        }
        return inFlight;
    }

    /**
     * When the server may get its next request: the latest due time of its origins (set by ends, parks,
     * Retry-After), and the last start of any of them + the gap now owed, so starts are spaced whatever the
     * concurrency (with the gap as it stands, so a backoff that has decayed no longer counts).
     */
    private long serverDueAt(HostSlot slot) {
        long dueAt = 0;
        long lastStart = Long.MIN_VALUE;
        for (HostSlot origin : byServer.get(slot.serverName)) {
            dueAt = Math.max(dueAt, origin.dueAt);
            lastStart = Math.max(lastStart, origin.lastStartAt);
        }
        return lastStart == Long.MIN_VALUE ? dueAt : Math.max(dueAt, lastStart + serverGap(slot));
    }

    /** One request at a time while a fixed delay applies to any origin of the server; else perHostConcurrency. */
    private int inFlightLimit(HostSlot slot) {
        for (HostSlot origin : byServer.get(slot.serverName)) {
            if (origin.fixedDelay.compareTo(Duration.ZERO) > 0) {
                return 1;
            }
        }
        return config.perHostConcurrency();
    }

    /** The largest gap any origin of the slot's server is owed, in ms. */
    private long serverGap(HostSlot slot) {
        long gap = 0;
        for (HostSlot origin : byServer.get(slot.serverName)) {
            gap = Math.max(gap, origin.effectiveDelay.toMillis());
        }
        return gap;
    }

    /** Records the end of a robots.txt exchange and what it says. */
    public void robotsDone(FetchResult result) {
        HostSlot slot = slot(result.task().target().hostKey());
        ended(slot, result, false, null);
        if (result instanceof FetchResult.Fetched fetched) {
            slot.robotsTruncated = RobotsPolicy.truncated(fetched.body(), robotsCapBytes);
            acceptRules(slot, robotsPolicy.parse(slot.robotsUrl, fetched.body(), fetched.contentType(), robotsCapBytes),
                    SavedRobots.FETCHED);
            memory.saveRobots(slot, fetched.body(), fetched.contentType());
        } else if (result instanceof FetchResult.Redirect redirect
                && RobotsPolicy.followable(slot.robotsRedirects, redirect.location())) {
            slot.robotsUrl = redirect.location();
            slot.robotsRedirects++;
            slot.robots = HostSlot.Robots.UNKNOWN;
        } else if (result instanceof FetchResult.Redirect || result instanceof FetchResult.NotHtml) {
            // RFC 9309 2.3.1.2: a redirect chain that cannot be followed means "unavailable", like a 4xx
            acceptRules(slot, robotsPolicy.forStatus(404).orElseThrow(), "redirect-allow");
            memory.saveRobots(slot, null, null);
        } else if (result instanceof FetchResult.HttpError error && robotsPolicy.forStatus(error.status()).isPresent()) {
            acceptRules(slot, robotsPolicy.forStatus(error.status()).orElseThrow(), "4xx-allow");
            memory.saveRobots(slot, null, null);
        } else {
            unreachable(slot, result instanceof FetchResult.HttpError error ? error.retryAfter() : null);
        }
        memory.saveClock(slot); // after the rules: a host whose clock record is missing is loaded as new
    }

    /** Records the end of a page exchange; sets the host's next due time, parks or gives up a failing host. */
    public void pageDone(FetchResult result) {
        HostSlot slot = slot(result.task().target().hostKey());
        Duration retryAfter = result instanceof FetchResult.HttpError error ? error.retryAfter() : null;
        ended(slot, result, isFailure(result), retryAfter);
        if (slot.consecutiveFailures >= config.failuresBeforePark()) {
            park(slot);
        }
        memory.saveClock(slot);
    }

    private void ended(HostSlot slot, FetchResult result, boolean failure, Duration retryAfter) {
        long now = clock.millis();
        slot.inFlight = Math.max(0, slot.inFlight - 1);
        ipFloor.ended(slot.hostKey, now);
        slot.observeServerTime(result.serverTime());
        slot.lastOutcome = result.outcome();
        if (failure) {
            slot.consecutiveFailures++;
            slot.backoffLevel++;
        } else {
            slot.consecutiveFailures = 0;
            slot.backoffLevel /= 2;
            slot.parks = 0;
        }
        delays.choose(slot, retryAfter);
        if (inFlightLimit(slot) == 1) { // one at a time: the gap counts from the end too; else it spaces starts only
            slot.dueAt = Math.max(slot.dueAt, now + serverGap(slot));
        }
    }

    /** Circuit open: no request for {@code parkFor}, then one probe; a host parked too often is given up. */
    private void park(HostSlot slot) {
        slot.parks++;
        slot.consecutiveFailures = config.failuresBeforePark() - 1; // one probe after the park, not a new series
        if (slot.parks > config.maxParks()) {
            slot.giveUp("dead: " + config.failuresBeforePark() + " failures in a row, " + config.maxParks() + " times");
            return;
        }
        slot.dueAt = Math.max(slot.dueAt, clock.millis() + config.parkFor().toMillis());
        slot.effectiveDelay = config.parkFor();
        slot.fixedDelay = config.parkFor();
        slot.delayReason = "parked";
    }

    private void acceptRules(HostSlot slot, BaseRobotRules rules, String source) {
        slot.rules = rules;
        slot.robots = HostSlot.Robots.READY;
        slot.robotsSource = source;
        slot.robotsFailures = 0;
        slot.robotsFetchedAt = clock.millis();
        slot.sitemapsToAnnounce = false; // the caller reads these rules' sitemaps itself
        slot.crawlDelay = robotsPolicy.crawlDelay(rules);
        String refusal = delays.crawlDelayRefusal(slot.crawlDelay);
        if (refusal != null) {
            slot.giveUp(refusal);
            return;
        }
        delays.choose(slot, null); // the Crawl-delay applies from this very response on
        slot.dueAt = Math.max(slot.dueAt, slot.robotsFetchedAt + slot.effectiveDelay.toMillis());
    }

    private void unreachable(HostSlot slot, Duration retryAfter) {
        slot.robotsFailures++;
        if (slot.robotsFailures > config.robotsRetries()) {
            slot.giveUp("robots.txt unreachable after " + slot.robotsFailures + " tries");
        } else {
            slot.robots = HostSlot.Robots.UNREACHABLE;
            long wait = config.robotsRetryDelay().toMillis();
            if (retryAfter != null) {
                wait = Math.max(wait, Math.min(retryAfter.toMillis(), MAX_ROBOTS_RETRY_AFTER.toMillis()));
            }
            slot.robotsRetryAt = clock.millis() + wait;
        }
    }

    private static boolean isFailure(FetchResult result) {
        return result instanceof FetchResult.NetworkError
                || result instanceof FetchResult.HttpError error && error.isTransient();
    }

    /** The robots rules of a host, if known (for tests and status). */
    public Optional<BaseRobotRules> rules(String hostKey) {
        return Optional.ofNullable(slot(hostKey).rules);
    }

    /**
     * The Sitemap: lines of robots rules restored from an earlier run, the first time they are asked for (a
     * fetched robots.txt's are read by the caller from {@link #rules}); so a resumed crawl reads them again as
     * it did when it fetched robots.txt on every start.
     */
    public List<String> restoredSitemaps(String hostKey) {
        HostSlot slot = slot(hostKey);
        if (!slot.sitemapsToAnnounce) {
            return List.of();
        }
        slot.sitemapsToAnnounce = false;
        return slot.rules.getSitemaps();
    }

    /**
     * Whether the host is only waiting out its delay (configured, Crawl-delay, adaptive, Retry-After): nothing in
     * flight, no failures since its last success, robots.txt not deferred, and not yet due. A host backing off after
     * errors is not in a polite wait: it is trying and failing.
     */
    public boolean politeWait(String hostKey) {
        HostSlot slot = slot(hostKey);
        return slot.inFlight == 0 && slot.consecutiveFailures == 0 && slot.robots != HostSlot.Robots.UNREACHABLE
                && clock.millis() < serverDueAt(slot);
    }

    /** The host's politeness state for {@code /status}. */
    public JsonObject describe(String hostKey) {
        HostSlot slot = slot(hostKey);
        return HostStatus.describe(slot, clock.millis(), serverDueAt(slot), inFlightLimit(slot), ipFloor.ipOf(hostKey));
    }

    private HostSlot slot(String hostKey) {
        HostSlot slot = slots.get(hostKey);
        if (slot == null) {
            slot = new HostSlot(hostKey);
            slots.put(hostKey, slot);
            byServer.computeIfAbsent(slot.serverName, name -> new java.util.ArrayList<>(2)).add(slot);
            if (!memory.restore(slot, clock.millis())) {
                delays.choose(slot, null); // the configured delay holds from the first request, robots.txt included
            }
        }
        return slot;
    }
}
