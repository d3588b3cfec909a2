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
 * The per-host clock. A host may get a request when its robots.txt is known (and fresh), fewer than
 * {@code perHostConcurrency} requests are in flight, the clock has passed its due time, and (when the
 * per-IP floor is on) its address is free. The due time is set when a response ends: end + the
 * largest of the configured delay, the robots Crawl-delay, the adaptive delay, a Retry-After and the
 * backoff ({@link DelayPolicy}). A host that keeps failing is parked, then given up.
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
        int inFlight = 0;
        long dueAt = 0;
        for (HostSlot origin : byServer.get(slot.serverName)) {
            inFlight += origin.inFlight;
            dueAt = Math.max(dueAt, origin.dueAt);
        }
        if (inFlight >= config.perHostConcurrency()) {
            return Decision.BLOCKED;
        }
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
        ipFloor.started(slot.hostKey);
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
        slot.observeResponse(result.elapsed());
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
        slot.dueAt = Math.max(slot.dueAt, now + slot.effectiveDelay.toMillis());
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

    /** The host's politeness state for {@code /status}. */
    public JsonObject describe(String hostKey) {
        return HostStatus.describe(slot(hostKey), clock.millis(), ipFloor.ipOf(hostKey));
    }

    private HostSlot slot(String hostKey) {
        HostSlot slot = slots.get(hostKey);
        if (slot == null) {
            slot = new HostSlot(hostKey);
            slots.put(hostKey, slot);
            byServer.computeIfAbsent(slot.serverName, name -> new java.util.ArrayList<>(2)).add(slot);
            memory.restore(slot, clock.millis());
        }
        return slot;
    }
}
