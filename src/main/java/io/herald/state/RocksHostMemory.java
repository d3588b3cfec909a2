package io.herald.state;

import io.herald.politeness.HostMemory;
import io.herald.politeness.SavedClock;
import io.herald.politeness.SavedHost;
import io.herald.politeness.SavedRobots;
import org.rocksdb.ColumnFamilyHandle;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * {@link HostMemory} on RocksDB, in the {@code politeness} family. Each host has two records under its host
 * key: the small clock record (suffix {@code NUL c}), rewritten after every response, and the robots.txt
 * record (suffix {@code NUL r}), rewritten only when rules are accepted, so a page response never writes the
 * robots.txt body again. Saves go into the store's pending batch and commit with the frontier's checkpoint
 * (or an earlier flush), in order with the frontier's own changes.
 */
public final class RocksHostMemory implements HostMemory {
    private static final byte CLOCK = 'c';
    private static final byte ROBOTS = 'r';

    private final StateDb db;
    private final ColumnFamilyHandle family;

    public RocksHostMemory(StateDb db) {
        this.db = db;
        this.family = db.family("politeness");
    }

    @Override
    public Optional<SavedHost> load(String hostKey) {
        byte[] clock = db.get(family, key(hostKey, CLOCK));
        if (clock == null) {
            return Optional.empty(); // written last, so without it the host counts as new
        }
        byte[] robots = db.get(family, key(hostKey, ROBOTS));
        return Optional.of(new SavedHost(HostCodec.decodeClock(clock),
                robots == null ? null : HostCodec.decodeRobots(robots)));
    }

    @Override
    public void saveClock(String hostKey, SavedClock clock) {
        db.put(family, key(hostKey, CLOCK), HostCodec.encode(clock));
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
