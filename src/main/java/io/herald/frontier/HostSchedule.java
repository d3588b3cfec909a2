package io.herald.frontier;

import java.time.Clock;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * When to look at each host again: a queue of (time, host), each host in it at most once, earliest
 * wins. Hosts are taken in time order and, at equal times, in the order they were woken, so busy hosts
 * take turns.
 */
final class HostSchedule {
    private record Wake(long at, long seq, String host) implements Comparable<Wake> {
        @Override
        public int compareTo(Wake o) {
            int byTime = Long.compare(at, o.at);
            return byTime != 0 ? byTime : Long.compare(seq, o.seq);
        }
    }

    private final Clock clock;
    private final PriorityQueue<Wake> queue = new PriorityQueue<>();
    private final Map<String, Long> scheduledAt = new HashMap<>();
    private final Set<String> known = new LinkedHashSet<>();
    private long seq;

    HostSchedule(Clock clock) {
        this.clock = clock;
    }

    /** Look at the host at {@code at} (ms) or earlier if it is already scheduled earlier. */
    void wake(String host, long at) {
        known.add(host);
        Long current = scheduledAt.get(host);
        if (current != null && current <= at) {
            return;
        }
        scheduledAt.put(host, at);
        queue.add(new Wake(at, seq++, host));
    }

    /** A host whose time has come (and is no longer scheduled), or null. */
    String nextDue() {
        long now = clock.millis();
        while (!queue.isEmpty() && queue.peek().at() <= now) {
            Wake wake = queue.poll();
            Long current = scheduledAt.get(wake.host());
            if (current != null && current == wake.at()) {
                scheduledAt.remove(wake.host());
                return wake.host();
            }
            // a stale entry: the host was re-scheduled earlier and already handled
        }
        return null;
    }

    long nextWakeAt() {
        while (!queue.isEmpty()) {
            Wake head = queue.peek();
            Long current = scheduledAt.get(head.host());
            if (current != null && current == head.at()) {
                return head.at();
            }
            queue.poll();
        }
        return Long.MAX_VALUE;
    }

    Collection<String> knownHosts() {
        return Collections.unmodifiableSet(known);
    }
}
