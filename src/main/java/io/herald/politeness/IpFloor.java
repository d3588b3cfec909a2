package io.herald.politeness;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The optional per-IP floor: hosts that resolve to the same address (shared hosting) share one
 * request at a time and a minimum gap between the end of one response and the next request.
 */
final class IpFloor {
    private static final class IpSlot {
        final List<String> hosts = new ArrayList<>();
        int inFlight;
        long dueAt;
    }

    private final long gapMillis;
    private final Map<String, String> ipOfHost = new HashMap<>();
    private final Map<String, IpSlot> slots = new HashMap<>();

    IpFloor(long gapMillis) {
        this.gapMillis = gapMillis;
    }

    boolean enabled() {
        return gapMillis > 0;
    }

    boolean knows(String hostKey) {
        return ipOfHost.containsKey(hostKey);
    }

    void resolved(String hostKey, String ip) {
        if (ipOfHost.putIfAbsent(hostKey, ip) == null) {
            slots.computeIfAbsent(ip, k -> new IpSlot()).hosts.add(hostKey);
        }
    }

    /**
     * null when the floor is off or the host's address allows a request now, else the decision that holds the
     * host back (its address still to be resolved, a request in flight on it, or its gap still running).
     */
    Decision check(String hostKey, long now) {
        if (!enabled()) {
            return null;
        }
        if (!knows(hostKey)) {
            return Decision.RESOLVE;
        }
        IpSlot slot = slots.get(ipOfHost.get(hostKey));
        if (slot.inFlight > 0) {
            return Decision.BLOCKED;
        }
        return now < slot.dueAt ? Decision.waitUntil(slot.dueAt) : null;
    }

    void started(String hostKey) {
        IpSlot slot = slots.get(ipOfHost.get(hostKey));
        if (slot != null) {
            slot.inFlight++;
        }
    }

    void ended(String hostKey, long now) {
        IpSlot slot = slots.get(ipOfHost.get(hostKey));
        if (slot != null) {
            slot.inFlight = Math.max(0, slot.inFlight - 1);
            slot.dueAt = Math.max(slot.dueAt, now + gapMillis);
        }
    }

    /** The other hosts on the host's address: they may be waiting for this host's request to end. */
    List<String> neighbours(String hostKey) {
        IpSlot slot = slots.get(ipOfHost.get(hostKey));
        return slot == null ? List.of() : List.copyOf(slot.hosts);
    }

    String ipOf(String hostKey) {
        return ipOfHost.get(hostKey);
    }
}
