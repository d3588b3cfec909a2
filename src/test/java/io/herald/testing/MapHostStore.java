package io.herald.testing;

import io.herald.politeness.HostStore;
import io.herald.politeness.SavedHostState;
import io.herald.politeness.SavedHost;
import io.herald.politeness.SavedRobots;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A {@link HostStore} on two maps, counting its writes: what a restart keeps, without RocksDB. */
public final class MapHostStore implements HostStore {
    public final Map<String, SavedHostState> states = new HashMap<>();
    public final Map<String, SavedRobots> robots = new HashMap<>();
    public int stateSaves;
    public int robotsSaves;

    @Override
    public Optional<SavedHost> load(String hostKey) {
        SavedHostState state = states.get(hostKey);
        return state == null ? Optional.empty() : Optional.of(new SavedHost(state, robots.get(hostKey)));
    }

    @Override
    public void saveState(String hostKey, SavedHostState state) {
        states.put(hostKey, state);
        stateSaves++;
    }

    @Override
    public void saveRobots(String hostKey, SavedRobots saved) {
        robots.put(hostKey, saved);
        robotsSaves++;
    }
}
