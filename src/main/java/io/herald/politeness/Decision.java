package io.herald.politeness;

/**
 * What the gate says about a host right now.
 *
 * @param kind what may happen
 * @param at   for {@link Kind#WAIT}: the clock time (ms) at which to ask again; otherwise 0
 */
public record Decision(Kind kind, long at) {
    public enum Kind {
        /** A page request may start now. */
        READY,
        /** The host's robots.txt must be requested first, and may be now. */
        FETCH_ROBOTS,
        /** Nothing may start before {@link #at()}. */
        WAIT,
        /** Nothing may start until a request in flight ends (concurrency or robots.txt pending). */
        BLOCKED,
        /** The per-IP floor is on and the host's address is not known yet: resolve it first. */
        RESOLVE,
        /** The host gets no more requests (robots unreachable, Crawl-delay above the cap, or dead): give up its URLs. */
        GIVE_UP
    }

    static final Decision READY = new Decision(Kind.READY, 0);
    static final Decision FETCH_ROBOTS = new Decision(Kind.FETCH_ROBOTS, 0);
    static final Decision BLOCKED = new Decision(Kind.BLOCKED, 0);
    static final Decision GIVE_UP = new Decision(Kind.GIVE_UP, 0);
    static final Decision RESOLVE = new Decision(Kind.RESOLVE, 0);

    static Decision waitUntil(long at) {
        return new Decision(Kind.WAIT, at);
    }
}
