package io.herald.politeness;

import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link HostMemory} holds for one host: its clock record and, once robots rules were accepted,
 * the robots.txt they came from. The two are saved apart (see {@link SavedClock}) and loaded together.
 *
 * @param clock  the small record: robots state, clock, backoff, counters
 * @param robots the accepted robots.txt, or null if none was accepted yet
 */
public record SavedHost(SavedClock clock, SavedRobots robots) {
    public SavedHost {
        Objects.requireNonNull(clock, "clock");
    }

    public Optional<SavedRobots> savedRobots() {
        return Optional.ofNullable(robots);
    }
}
