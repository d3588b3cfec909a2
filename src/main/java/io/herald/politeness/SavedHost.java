package io.herald.politeness;

import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link HostStore} holds for one host: its state record and, once robots rules were accepted,
 * the robots.txt they came from. The two are saved apart (see {@link SavedHostState}) and loaded together.
 *
 * @param state  the small record: robots state, clock, backoff, counters
 * @param robots the accepted robots.txt, or null if none was accepted yet
 */
public record SavedHost(SavedHostState state, SavedRobots robots) {
    public SavedHost {
        Objects.requireNonNull(state, "state");
    }

    public Optional<SavedRobots> savedRobots() {
        return Optional.ofNullable(robots);
    }
}
