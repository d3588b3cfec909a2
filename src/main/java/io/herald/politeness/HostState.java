package io.herald.politeness;

import java.net.URI;
import java.util.Locale;

/**
 * What the gate knows of one host ({@code scheme://host:port}): its robots.txt, its clock, the clock of
 * the server it is an origin of, and the counters {@code /status} shows. Owned by one {@link PolitenessGate}
 * and touched from one thread only.
 */
final class HostState {
    final String hostKey;
    final HostRobots robots;
    final HostClock clock;
    /** The clocks of all origins of the host's server, this one's included: they are paced as one. */
    final ServerClock server;
    long requests;
    /** URLs of the host refused by robots.txt. */
    long robotsBlocked;
    String lastOutcome;

    HostState(String hostKey, ServerClock server) {
        this.hostKey = hostKey;
        this.robots = new HostRobots(hostKey);
        this.clock = new HostClock();
        this.server = server;
        server.add(hostKey, clock);
    }

    /** The host name: origins that differ only in scheme or port are one server and share its clock. */
    static String serverName(String hostKey) {
        String host = URI.create(hostKey).getHost();
        return host == null ? hostKey : host.toLowerCase(Locale.ROOT);
    }
}
