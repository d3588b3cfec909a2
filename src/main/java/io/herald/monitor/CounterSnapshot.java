package io.herald.monitor;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * The values of the crawl's counters (every Micrometer {@link Counter} named {@code herald.*}) at one
 * moment, by meter name and tags. Immutable. Two snapshots add up, which is how a resumed crawl's totals are
 * made (earlier runs plus this run), and a snapshot round-trips through JSON, which is how the earlier runs are
 * remembered in the crawl's state. Taking one is thread-safe (Micrometer counters are).
 */
public final class CounterSnapshot {
    /** No counts at all. */
    public static final CounterSnapshot EMPTY = new CounterSnapshot(Map.of());
    private static final String PREFIX = "herald.";

    /** One counter series: its meter name and tags (sorted, so JSON output is stable). */
    public record Key(String name, SortedMap<String, String> tags) {
        public Key {
            tags = Collections.unmodifiableSortedMap(new TreeMap<>(tags));
        }
    }

    private final Map<Key, Long> counts; // positive values only

    private CounterSnapshot(Map<Key, Long> counts) {
        this.counts = Map.copyOf(counts);
    }

    /** The {@code herald.*} counters of {@code registry} now. */
    public static CounterSnapshot of(MeterRegistry registry) {
        Map<Key, Long> counts = new HashMap<>();
        for (Meter meter : registry.getMeters()) {
            if (meter instanceof Counter counter && meter.getId().getName().startsWith(PREFIX)) {
                TreeMap<String, String> tags = new TreeMap<>();
                for (Tag tag : meter.getId().getTags()) {
                    tags.put(tag.getKey(), tag.getValue());
                }
                add(counts, new Key(meter.getId().getName(), tags), (long) counter.count());
            }
        }
        return new CounterSnapshot(counts);
    }

    /** The sum of both, series by series. */
    public CounterSnapshot plus(CounterSnapshot other) {
        Map<Key, Long> sum = new HashMap<>(counts);
        other.counts.forEach((key, value) -> add(sum, key, value));
        return new CounterSnapshot(sum);
    }

    /** This snapshot with one series set to {@code value}. */
    public CounterSnapshot with(String name, Map<String, String> tags, long value) {
        Map<Key, Long> changed = new HashMap<>(counts);
        Key key = new Key(name, new TreeMap<>(tags));
        changed.remove(key);
        add(changed, key, value);
        return new CounterSnapshot(changed);
    }

    /** The value of one series (0 if it never counted). */
    public long get(String name, Map<String, String> tags) {
        return counts.getOrDefault(new Key(name, new TreeMap<>(tags)), 0L);
    }

    /** The sum of the series of {@code name} whose {@code tag} is {@code value}; every series if tag is null. */
    public long sum(String name, String tag, String value) {
        long[] total = new long[1];
        forEach(name, (key, count) -> {
            if (tag == null || value.equals(key.tags().get(tag))) {
                total[0] += count;
            }
        });
        return total[0];
    }

    /** Every non-zero series of {@code name}. */
    public void forEach(String name, BiConsumer<Key, Long> action) {
        counts.forEach((key, count) -> {
            if (key.name().equals(name)) {
                action.accept(key, count);
            }
        });
    }

    public boolean isEmpty() {
        return counts.isEmpty();
    }

    /** {@code {"name": [[{tags}, count], …], …}}, names and series in a stable order. */
    public JsonObject toJson() {
        Map<String, Map<String, JsonArray>> byName = new TreeMap<>();
        counts.forEach((key, count) -> byName.computeIfAbsent(key.name(), n -> new TreeMap<>())
                .put(key.tags().toString(), new JsonArray().add(new JsonObject(new TreeMap<String, Object>(key.tags()))).add(count)));
        JsonObject json = new JsonObject();
        byName.forEach((name, series) -> json.put(name, new JsonArray(List.copyOf(series.values()))));
        return json;
    }

    /**
     * Reads what {@link #toJson} wrote.
     *
     * @throws IllegalArgumentException if {@code json} is not of that shape
     */
    public static CounterSnapshot fromJson(JsonObject json) {
        Map<Key, Long> counts = new HashMap<>();
        try {
            for (String name : json.fieldNames()) {
                for (Object entry : json.getJsonArray(name)) {
                    JsonArray pair = (JsonArray) entry;
                    TreeMap<String, String> tags = new TreeMap<>();
                    pair.getJsonObject(0).forEach(tag -> tags.put(tag.getKey(), (String) tag.getValue()));
                    add(counts, new Key(name, tags), pair.getLong(1));
                }
            }
        } catch (ClassCastException | IndexOutOfBoundsException | NullPointerException e) {
            throw new IllegalArgumentException("not a counter snapshot: " + e.getMessage(), e);
        }
        return new CounterSnapshot(counts);
    }

    private static void add(Map<Key, Long> counts, Key key, long value) {
        if (value > 0) {
            counts.merge(key, value, Long::sum);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CounterSnapshot other && counts.equals(other.counts);
    }

    @Override
    public int hashCode() {
        return counts.hashCode();
    }

    @Override
    public String toString() {
        return toJson().encode();
    }
}
