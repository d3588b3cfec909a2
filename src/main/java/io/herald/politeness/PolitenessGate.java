package io.herald.politeness;

import crawlercommons.robots.BaseRobotRules;
import io.herald.config.PolitenessConfig;
import io.herald.model.FetchResult;
import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The per-host clock. A host may get a request when its robots.txt is known, fewer than
 * {@code perHostConcurrency} requests are in flight, and the clock has passed its due time, which is
 * set when a response ends: end + the largest of the configured delay, the robots Crawl-delay (capped),
 * the adaptive delay, a Retry-After, and the backoff after consecutive failures.
 *
 * <p>Single-threaded: the frontier verticle is its only caller. Time comes from the injected clock, so
 * tests drive it without waiting.
 */
public final class PolitenessGate {
    private static final Duration MAX_RETRY_AFTER = Duration.ofDays(1);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(10);
    private static final int MAX_ROBOTS_REDIRECTS = 5;

    private final PolitenessConfig config;
    private final Duration backoffBase;
    private final RobotsPolicy robotsPolicy;
    private final int robotsCapBytes;
    private final Clock clock;
    private final Map<String, HostSlot> slots = new HashMap<>();

    /**
     * @param backoffBase    first backoff step after a failure; it doubles with each consecutive one
     * @param robotsCapBytes the robots.txt download cap (a body of this length was cut)
     */
    public PolitenessGate(PolitenessConfig config, Duration backoffBase, int robotsCapBytes, Clock clock) {
        this.config = config;
        this.backoffBase = backoffBase;
        this.robotsPolicy = new RobotsPolicy(config.robotsAgent(), config.maxCrawlDelay());
        this.robotsCapBytes = robotsCapBytes;
        this.clock = clock;
    }

    /** What may happen on {@code hostKey} now. */
    public Decision check(String hostKey) {
        HostSlot slot = slot(hostKey);
        long now = clock.millis();
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
                break;
            default:
                break;
        }
        if (slot.inFlight >= config.perHostConcurrency()) {
            return Decision.BLOCKED;
        }
        if (now < slot.dueAt) {
            return Decision.waitUntil(slot.dueAt);
        }
        return slot.robots == HostSlot.Robots.UNKNOWN ? Decision.FETCH_ROBOTS : Decision.READY;
    }

    /** The robots.txt URL to request for the host (the target of a followed redirect, if any). */
    public String robotsUrl(String hostKey) {
        return slot(hostKey).robotsUrl;
    }

    /** True when the host's robots rules allow the (normalised) URL. Call only after READY. */
    public boolean allows(String hostKey, String url) {
        BaseRobotRules rules = slot(hostKey).rules;
        return rules == null || rules.isAllowed(url);
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
        slot.lastRequestAt = clock.millis();
    }

    /** Records the end of a robots.txt exchange and what it says. */
    public void robotsDone(FetchResult result) {
        HostSlot slot = slot(result.task().target().hostKey());
        ended(slot, result, false, null);
        if (result instanceof FetchResult.Fetched fetched) {
            acceptRules(slot, robotsPolicy.parse(slot.robotsUrl, fetched.body(), fetched.contentType(), robotsCapBytes));
        } else if (result instanceof FetchResult.Redirect redirect && followable(slot, redirect.location())) {
            slot.robotsUrl = redirect.location();
            slot.robotsRedirects++;
            slot.robots = HostSlot.Robots.UNKNOWN;
        } else if (result instanceof FetchResult.Redirect || result instanceof FetchResult.NotHtml) {
            // RFC 9309 2.3.1.2: a redirect chain that cannot be followed means "unavailable", like a 4xx
            acceptRules(slot, robotsPolicy.forStatus(404).orElseThrow());
        } else if (result instanceof FetchResult.HttpError error && robotsPolicy.forStatus(error.status()).isPresent()) {
            acceptRules(slot, robotsPolicy.forStatus(error.status()).orElseThrow());
        } else {
            unreachable(slot);
        }
    }

    /** Records the end of a page exchange; sets the host's next due time. */
    public void pageDone(FetchResult result) {
        HostSlot slot = slot(result.task().target().hostKey());
        Duration retryAfter = result instanceof FetchResult.HttpError error ? error.retryAfter() : null;
        ended(slot, result, isFailure(result), retryAfter);
    }

    private void ended(HostSlot slot, FetchResult result, boolean failure, Duration retryAfter) {
        long now = clock.millis();
        slot.inFlight = Math.max(0, slot.inFlight - 1);
        slot.observeResponse(result.elapsed());
        slot.consecutiveFailures = failure ? slot.consecutiveFailures + 1 : 0;
        slot.lastOutcome = result.outcome();
        chooseDelay(slot, retryAfter);
        slot.dueAt = Math.max(slot.dueAt, now + slot.effectiveDelay.toMillis());
    }

    private void chooseDelay(HostSlot slot, Duration retryAfter) {
        slot.effectiveDelay = config.delay();
        slot.delayReason = "configured";
        consider(slot, slot.crawlDelay, "crawl-delay");
        if (config.adaptiveFactor() > 0 && slot.smoothedResponseMillis > 0) {
            consider(slot, Duration.ofMillis(Math.round(config.adaptiveFactor() * slot.smoothedResponseMillis)), "adaptive");
        }
        if (retryAfter != null) {
            consider(slot, min(retryAfter, MAX_RETRY_AFTER), "retry-after");
        }
        if (slot.consecutiveFailures > 0) {
            long factor = 1L << Math.min(slot.consecutiveFailures - 1, 20);
            consider(slot, min(backoffBase.multipliedBy(factor), MAX_BACKOFF), "backoff");
        }
    }

    private static void consider(HostSlot slot, Duration candidate, String reason) {
        if (candidate.compareTo(slot.effectiveDelay) > 0) {
            slot.effectiveDelay = candidate;
            slot.delayReason = reason;
        }
    }

    private void acceptRules(HostSlot slot, BaseRobotRules rules) {
        slot.rules = rules;
        slot.robots = HostSlot.Robots.READY;
        slot.robotsFailures = 0;
        slot.robotsFetchedAt = clock.millis();
        slot.crawlDelay = robotsPolicy.crawlDelay(rules);
        // the Crawl-delay applies from this very response on
        chooseDelay(slot, null);
        slot.dueAt = Math.max(slot.dueAt, slot.robotsFetchedAt + slot.effectiveDelay.toMillis());
    }

    private void unreachable(HostSlot slot) {
        slot.robotsFailures++;
        if (slot.robotsFailures > config.robotsRetries()) {
            slot.robots = HostSlot.Robots.GIVEN_UP;
        } else {
            slot.robots = HostSlot.Robots.UNREACHABLE;
            slot.robotsRetryAt = clock.millis() + config.robotsRetryDelay().toMillis();
        }
    }

    private static boolean followable(HostSlot slot, String location) {
        if (slot.robotsRedirects >= MAX_ROBOTS_REDIRECTS) {
            return false;
        }
        try {
            String from = URI.create(slot.hostKey).getHost();
            String to = URI.create(location).getHost();
            return to != null && to.toLowerCase(Locale.ROOT).equals(from);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isFailure(FetchResult result) {
        return result instanceof FetchResult.NetworkError
                || result instanceof FetchResult.HttpError error && error.isTransient();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** The robots rules of a host, if known (for tests and status). */
    public Optional<BaseRobotRules> rules(String hostKey) {
        return Optional.ofNullable(slot(hostKey).rules);
    }

    /** The host's politeness state for {@code /status}. */
    public JsonObject describe(String hostKey) {
        HostSlot slot = slot(hostKey);
        long now = clock.millis();
        return new JsonObject()
                .put("requests", slot.requests)
                .put("robots", slot.robots.name().toLowerCase(Locale.ROOT))
                .put("crawlDelayMs", slot.crawlDelay.toMillis())
                .put("delayMs", slot.effectiveDelay.toMillis())
                .put("delayReason", slot.delayReason)
                .put("dueInMs", Math.max(0, slot.dueAt - now))
                .put("inFlight", slot.inFlight)
                .put("consecutiveFailures", slot.consecutiveFailures)
                .put("lastOutcome", slot.lastOutcome)
                .put("responseMs", Math.round(Math.max(0, slot.smoothedResponseMillis)));
    }

    private HostSlot slot(String hostKey) {
        return slots.computeIfAbsent(hostKey, HostSlot::new);
    }
}
