package io.herald.state;

import io.herald.frontier.Hub;
import io.herald.frontier.RevisitStore;
import io.herald.model.Validators;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksIterator;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link RevisitStore} on RocksDB, in the {@code recrawl} family: one record per hub under its URL (a version byte,
 * then feed flag, depth, interval, due time, the two validators, -1-length for none, and the revisits an article
 * has left, -1 for a hub). Saves and removals go into the store's pending batch and commit with the frontier's
 * checkpoint, in order with the links a visit queued, so after a
 * {@code kill -9} a hub's schedule is never ahead of the links its visit found.
 */
public final class RocksRevisitStore implements RevisitStore {
    private static final int VERSION = 2;

    private final StateDb db;
    private final ColumnFamilyHandle family;

    public RocksRevisitStore(StateDb db) {
        this.db = db;
        this.family = db.family("recrawl");
    }

    @Override
    public List<Hub> load() {
        List<Hub> hubs = new ArrayList<>();
        try (RocksIterator it = db.iterator(family)) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                hubs.add(decode(new String(it.key(), StandardCharsets.UTF_8), it.value()));
            }
        }
        return hubs;
    }

    @Override
    public void save(Hub hub) {
        db.put(family, hub.url().getBytes(StandardCharsets.UTF_8), encode(hub));
        db.flushIfLarge();
    }

    @Override
    public void remove(String url) {
        db.delete(family, url.getBytes(StandardCharsets.UTF_8));
        db.flushIfLarge();
    }

    static byte[] encode(Hub hub) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeBoolean(hub.feed());
            out.writeInt(hub.depth());
            out.writeLong(hub.intervalMs());
            out.writeLong(hub.dueAt());
            UrlCodec.writeText(out, hub.validators().etag());
            UrlCodec.writeText(out, hub.validators().lastModified());
            out.writeInt(hub.revisitsLeft());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    static Hub decode(String url, byte[] value) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(value))) {
            int version = in.readUnsignedByte();
            if (version != VERSION) {
                throw new IOException("unknown version " + version);
            }
            boolean feed = in.readBoolean();
            int depth = in.readInt();
            long interval = in.readLong();
            long due = in.readLong();
            Validators validators = new Validators(UrlCodec.readText(in), UrlCodec.readText(in));
            return new Hub(url, feed, depth, interval, due, validators, in.readInt());
        } catch (IOException | RuntimeException e) {
            throw new StateException("saved revisit schedule of " + url + " cannot be read: " + e.getMessage());
        }
    }
}
