package io.herald.state;

import io.herald.politeness.HostStore;
import io.herald.politeness.SavedHostState;
import io.herald.politeness.SavedHost;
import io.herald.politeness.SavedRobots;
import org.rocksdb.ColumnFamilyHandle;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * {@link HostStore} on RocksDB, in the {@code politeness} family. Each host has two records under its host
 * key: the small state record (suffix {@code NUL c}: it was called the clock record), rewritten after every
 * response, and the robots.txt record (suffix {@code NUL r}), rewritten only when rules are accepted, so a page
 * response never writes the robots.txt body again. Saves go into the store's pending batch and commit with the
 * frontier's checkpoint (or an earlier flush), in order with the frontier's own changes.
 */
public final class RocksHostStore implements HostStore {
    private static final byte STATE = 'c';
    private static final byte ROBOTS = 'r';

    private final StateDb db;
    private final ColumnFamilyHandle family;

    public RocksHostStore(StateDb db) {
        this.db = db;
        this.family = db.family("politeness");
    }

    @Override
    public Optional<SavedHost> load(String hostKey) {
        byte[] state = db.get(family, key(hostKey, STATE));
        if (state == null) {
            return Optional.empty(); // written last, so without it the host counts as new
        }
        byte[] robots = db.get(family, key(hostKey, ROBOTS));
        return Optional.of(new SavedHost(HostCodec.decodeState(state),
                robots == null ? null : HostCodec.decodeRobots(robots)));
    }

    @Override
    public void saveState(String hostKey, SavedHostState state) {
        db.put(family, key(hostKey, STATE), HostCodec.encode(state));
        db.flushIfLarge();
    }

    @Override
    public void saveRobots(String hostKey, SavedRobots robots) {
        db.put(family, key(hostKey, ROBOTS), HostCodec.encode(robots));
        db.flushIfLarge();
    }

    private static byte[] key(String hostKey, byte kind) {
        byte[] host = hostKey.getBytes(StandardCharsets.UTF_8);
        byte[] key = Arrays.copyOf(host, host.length + 2);
        key[host.length + 1] = kind; // host NUL kind: a host's records sit together
        return key;
    }
}
