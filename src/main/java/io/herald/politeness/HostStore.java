package io.herald.politeness;

import java.util.Optional;

/**
 * Where {@link PolitenessGate} keeps what it knows of each host across runs of a crawl (robots rules and
 * their age, the host's clock, backoff, parks, given-up hosts), so that a restart neither fetches every
 * robots.txt again nor forgets a Retry-After. The gate loads a host once, when it first meets it, and saves
 * as things change; an implementation may buffer saves (the RocksDB one commits them with the frontier's
 * checkpoint), so the newest changes may be lost in a crash: the gate's restart rule allows for that.
 *
 * <p>Called from the gate's one thread only.
 */
public interface HostStore {
    /** Keeps nothing: for {@code state.store: memory}. */
    HostStore NONE = new HostStore() {
        @Override
        public Optional<SavedHost> load(String hostKey) {
            return Optional.empty();
        }

        @Override
        public void saveState(String hostKey, SavedHostState state) {
            // nothing is kept
        }

        @Override
        public void saveRobots(String hostKey, SavedRobots robots) {
            // nothing is kept
        }
    };

    /** What was saved for the host ({@code scheme://host:port}), or empty if nothing (or no state record) was. */
    Optional<SavedHost> load(String hostKey);

    /** Replaces the host's state record (everything but the robots.txt file). */
    void saveState(String hostKey, SavedHostState state);

    /** Replaces the host's robots.txt record. */
    void saveRobots(String hostKey, SavedRobots robots);
}
