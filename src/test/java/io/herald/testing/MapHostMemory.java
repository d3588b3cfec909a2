package io.herald.testing;

import io.herald.politeness.HostMemory;
import io.herald.politeness.SavedClock;
import io.herald.politeness.SavedHost;
import io.herald.politeness.SavedRobots;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A {@link HostMemory} on two maps, counting its writes: what a restart keeps, without RocksDB. */
public final class MapHostMemory implements HostMemory {
    public final Map<String, SavedClock> clocks = new HashMap<>();
    public final Map<String, SavedRobots> robots = new HashMap<>();
    public int clockSaves;
    public int robotsSaves;

    @Override
    public Optional<SavedHost> load(String hostKey) {
        SavedClock clock = clocks.get(hostKey);
        return clock == null ? Optional.empty() : Optional.of(new SavedHost(clock, robots.get(hostKey)));
    }

    @Override
    public void saveClock(String hostKey, SavedClock clock) {
        clocks.put(hostKey, clock);
        clockSaves++;
    }

    @Override
    public void saveRobots(String hostKey, SavedRobots saved) {
        robots.put(hostKey, saved);
        robotsSaves++;
    }
}
