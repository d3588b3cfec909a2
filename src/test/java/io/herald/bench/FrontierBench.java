package io.herald.bench;

import io.herald.model.CrawlUrl;
import io.herald.model.Via;
import io.herald.state.RocksFrontierStore;
import io.herald.state.RocksSeenSet;
import io.herald.state.StateDb;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Not a test: offers N synthetic URLs across H hosts to the RocksDB frontier store and seen set the way the
 * frontier does (seen check, then queue), offers each URL a second time (a duplicate link, as crawls mostly
 * see), then drains every queue host by host in turns, marking each URL done and checkpointing every 10,000
 * polls. Prints throughput, heap and disk use. Run with {@code scripts/bench-frontier} (which adds RSS via
 * {@code /usr/bin/time -v}).
 *
 * <p>Arguments: state folder (must not exist), URL count, host count, working set, store cache in MB, seen
 * filter in MB.
 */
public final class FrontierBench {
    private static long peakHeapUsed;

    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/bench-state");
        long urls = args.length > 1 ? Long.parseLong(args[1]) : 10_000_000L;
        int hosts = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        int workingSet = args.length > 3 ? Integer.parseInt(args[3]) : 10_000;
        long cacheMb = args.length > 4 ? Long.parseLong(args[4]) : 64;
        long filterMb = args.length > 5 ? Long.parseLong(args[5]) : 16;
        if (Files.exists(dir)) {
            throw new IllegalArgumentException(dir + " exists; give a new folder");
        }
        System.out.printf(Locale.ROOT, "frontier bench: %,d URLs across %,d hosts, working set %,d, store cache %d MB,"
                + " seen filter %d MB, max heap %,d MB%n",
                urls, hosts, workingSet, cacheMb, filterMb, Runtime.getRuntime().maxMemory() >> 20);
        try (StateDb db = StateDb.open(dir, cacheMb << 20)) {
            RocksFrontierStore store = new RocksFrontierStore(db, workingSet);
            RocksSeenSet seen = new RocksSeenSet(db, filterMb << 20);
            offer(store, seen, urls, hosts);
            db.flush();
            System.out.printf(Locale.ROOT, "disk after offers: %,d MB; live heap after GC with every URL queued: %,d MB%n",
                    db.diskBytes() >> 20, liveHeap() >> 20);
            drain(db, store, hosts, urls);
            System.out.printf(Locale.ROOT, "disk after drain: %,d MB (seen set kept; queues empty)%n", db.diskBytes() >> 20);
        }
        reopen(dir, cacheMb, workingSet, filterMb);
        System.out.printf(Locale.ROOT, "peak heap used (sampled): %,d MB; heap pools' peaks summed: %,d MB%n",
                peakHeapUsed >> 20, poolPeaks() >> 20);
    }

    /** What a resume of such a crawl costs before its first fetch: opening the store, rebuilding the seen filter. */
    private static void reopen(Path dir, long cacheMb, int workingSet, long filterMb) {
        long start = System.nanoTime();
        try (StateDb db = StateDb.open(dir, cacheMb << 20)) {
            new RocksFrontierStore(db, workingSet);
            RocksSeenSet seen = new RocksSeenSet(db, filterMb << 20);
            System.out.printf(Locale.ROOT, "reopened with %,d URLs seen (seen filter rebuilt) in %.1f s%n",
                    seen.size(), (System.nanoTime() - start) / 1e9);
        }
    }

    private static void offer(RocksFrontierStore store, RocksSeenSet seen, long urls, int hosts) {
        long start = System.nanoTime();
        long queued = 0;
        for (long i = 0; i < urls; i++) {
            queued += offerOne(store, seen, i, hosts) ? 1 : 0;
            sample(i);
            if (i > 0 && i % 2_000_000 == 0) {
                report("  offered so far", i, start);
            }
        }
        report("offered (new)", urls, start);
        start = System.nanoTime();
        for (long i = 0; i < urls; i += 10) {
            queued += offerOne(store, seen, i, hosts) ? 1 : 0; // every tenth URL again: all duplicates
            sample(i);
        }
        report("offered (duplicates)", urls / 10, start);
        if (queued != urls || store.size() != urls) {
            throw new AssertionError("queued " + queued + ", store holds " + store.size());
        }
    }

    private static boolean offerOne(RocksFrontierStore store, RocksSeenSet seen, long i, int hosts) {
        String host = "http://host-" + (i % hosts) + ".example";
        String url = host + "/section-" + (i / hosts % 50) + "/story-" + i + ".html";
        if (!seen.add(url)) {
            return false;
        }
        store.push(new CrawlUrl(url, host, 2, host + "/", i % 5 == 0 ? Via.RELATED : Via.LINK, 0, 0));
        return true;
    }

    private static void drain(StateDb db, RocksFrontierStore store, int hosts, long urls) {
        long start = System.nanoTime();
        long polled = 0;
        while (store.size() > 0) {
            for (int h = 0; h < hosts; h++) {
                CrawlUrl next = store.poll("http://host-" + h + ".example");
                if (next != null) {
                    store.done(next);
                    if (++polled % 10_000 == 0) {
                        store.checkpoint(polled).run();
                    }
                    if (polled % 1_000_000 == 0) {
                        report("  polled so far", polled, start);
                    }
                    sample(polled);
                }
            }
        }
        store.checkpoint(polled).run();
        report("polled", polled, start);
        if (polled != urls) {
            throw new AssertionError("polled " + polled + " of " + urls);
        }
    }

    private static void report(String what, long count, long startNanos) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        System.out.printf(Locale.ROOT, "%-22s %,12d in %7.1f s = %,9.0f URLs/s%n", what, count, seconds, count / seconds);
    }

    private static void sample(long i) {
        if (i % 100_000 == 0) {
            peakHeapUsed = Math.max(peakHeapUsed, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
    }

    // Not a measure of garbage but of what the store holds: the heap in use right after a full collection.
    private static long liveHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long poolPeaks() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
