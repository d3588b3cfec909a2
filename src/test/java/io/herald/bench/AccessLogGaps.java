package io.herald.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Politeness as the server saw it: reads nginx's access log in the bench format
 * ({@code $msec $request_time $server_addr $status $bytes_sent "$request"}), takes each request's start as
 * {@code $msec - $request_time} (both whole milliseconds of nginx's clock, so the difference is exact to the
 * millisecond), and reports per host the minimum start-to-start gap and how many gaps fall short of what the
 * host requires: its robots.txt Crawl-delay, or at least the configured delay. With a required gap it also
 * gives the lower bound on the crawl's duration that the gaps imply.
 * <pre>java -cp CLASSES io.herald.bench.AccessLogGaps ACCESS_LOG WEB_TSV REQUIRED_MS [PAGES]</pre>
 * PAGES (the crawler's page count) turns the bound into pages/s.
 */
public final class AccessLogGaps {
    /** A gap counts as short only below the required gap minus this: nginx's clock has whole milliseconds. */
    static final long TOLERANCE_MS = 1;

    /** One host's requests as nginx logged them. */
    record Host(String address, long requiredMs, int requests, long minGapMs, int shortGaps, int disallowed,
            long firstMs, long lastMs) {
        /** The least time a crawl needs for this host's requests, spaced by the required gap. */
        long boundMs() {
            return Math.max(0, requests - 1) * requiredMs;
        }
    }

    private AccessLogGaps() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: AccessLogGaps ACCESS_LOG WEB_TSV REQUIRED_MS [PAGES]");
            System.exit(2);
        }
        Map<String, Long> crawlDelays = crawlDelays(Files.readAllLines(Path.of(args[1])));
        List<String> log = Files.readAllLines(Path.of(args[0]));
        List<Host> hosts = analyse(log, crawlDelays, Long.parseLong(args[2]));
        System.out.println("nginx saw " + log.size() + " requests, by status " + statuses(log));
        print(hosts, crawlDelays, args.length > 3 ? Long.parseLong(args[3]) : -1);
    }

    /** Crawl-delay in milliseconds per address, from the generator's web.tsv (0 for none). */
    static Map<String, Long> crawlDelays(List<String> tsv) {
        Map<String, Long> delays = new TreeMap<>();
        for (String line : tsv) {
            String[] cols = line.split("\t");
            delays.put(cols[0], Math.round(Double.parseDouble(cols[1]) * 1000));
        }
        return delays;
    }

    static List<Host> analyse(List<String> log, Map<String, Long> crawlDelays, long requiredMs) {
        Map<String, List<Long>> starts = new TreeMap<>();
        Map<String, Integer> disallowed = new TreeMap<>();
        for (String line : log) {
            String[] f = line.split(" ", 6);
            if (f.length < 6) {
                continue;
            }
            starts.computeIfAbsent(f[2], k -> new ArrayList<>()).add(millis(f[0]) - millis(f[1]));
            if (f[5].matches("\"GET /(search|print|comments)/.*")) {
                disallowed.merge(f[2], 1, Integer::sum);
            }
        }
        List<Host> hosts = new ArrayList<>();
        starts.forEach((address, times) -> {
            Collections.sort(times);
            long required = Math.max(requiredMs, crawlDelays.getOrDefault(address, 0L));
            long min = Long.MAX_VALUE;
            int shortGaps = 0;
            for (int i = 1; i < times.size(); i++) {
                long gap = times.get(i) - times.get(i - 1);
                min = Math.min(min, gap);
                if (gap < required - TOLERANCE_MS) {
                    shortGaps++;
                }
            }
            hosts.add(new Host(address, required, times.size(), min, shortGaps, disallowed.getOrDefault(address, 0),
                    times.get(0), times.get(times.size() - 1)));
        });
        return hosts;
    }

    static Map<String, Integer> statuses(List<String> log) {
        Map<String, Integer> counts = new TreeMap<>();
        for (String line : log) {
            String[] f = line.split(" ", 5);
            if (f.length == 5) {
                counts.merge(f[3], 1, Integer::sum);
            }
        }
        return counts;
    }

    /** "1733390000.123" or "0.050" as whole milliseconds, without floating point. */
    static long millis(String seconds) {
        int dot = seconds.indexOf('.');
        if (dot < 0) {
            return Long.parseLong(seconds) * 1000;
        }
        String frac = (seconds.substring(dot + 1) + "000").substring(0, 3);
        return Long.parseLong(seconds.substring(0, dot)) * 1000 + Long.parseLong(frac);
    }

    private static void print(List<Host> hosts, Map<String, Long> crawlDelays, long pages) {
        int requests = hosts.stream().mapToInt(Host::requests).sum();
        System.out.printf(Locale.ROOT, "  to %d hosts; requests to robots-disallowed paths: %d%n", hosts.size(),
                hosts.stream().mapToInt(Host::disallowed).sum());
        List<Host> delayed = hosts.stream().filter(h -> crawlDelays.getOrDefault(h.address(), 0L) > 0).toList();
        List<Host> others = hosts.stream().filter(h -> !delayed.contains(h)).toList();
        for (Host h : delayed) {
            System.out.printf(Locale.ROOT, "  Crawl-delay host %-12s %4d requests, min start-to-start gap %s, "
                    + "gaps under %s: %d%n", h.address(), h.requests(), seconds(h.minGapMs()), seconds(h.requiredMs()),
                    h.shortGaps());
        }
        if (!others.isEmpty()) {
            Host worst = others.stream().min((a, b) -> Long.compare(a.minGapMs(), b.minGapMs())).orElseThrow();
            int otherRequests = others.stream().mapToInt(Host::requests).sum();
            long span = others.stream().mapToLong(Host::lastMs).max().orElseThrow()
                    - others.stream().mapToLong(Host::firstMs).min().orElseThrow();
            System.out.printf(Locale.ROOT, "  other %d hosts: %d requests in %.1f s (first to last start): %.1f requests/s;"
                            + " min start-to-start gap %s (%s)", others.size(), otherRequests, span / 1000.0,
                    otherRequests * 1000.0 / Math.max(1, span), seconds(worst.minGapMs()), worst.address());
            if (worst.requiredMs() > 0) {
                System.out.printf(Locale.ROOT, ", gaps under %s: %d", seconds(worst.requiredMs()),
                        others.stream().mapToInt(Host::shortGaps).sum());
            }
            System.out.println();
        }
        System.out.printf(Locale.ROOT, "short gaps in all: %d (a gap counts as short below the required gap - %d ms)%n",
                hosts.stream().mapToInt(Host::shortGaps).sum(), TOLERANCE_MS);
        Host slowest = hosts.stream().max((a, b) -> Long.compare(a.boundMs(), b.boundMs())).orElse(null);
        if (slowest != null && slowest.boundMs() > 0) {
            System.out.printf(Locale.ROOT, "bound: %s needs >= %.1f s for its %d requests at %s apart, so the crawl "
                            + "needs >= %.1f s: <= %.1f %s/s%n", slowest.address(), slowest.boundMs() / 1000.0,
                    slowest.requests(), seconds(slowest.requiredMs()), slowest.boundMs() / 1000.0,
                    (pages >= 0 ? pages : requests) * 1000.0 / slowest.boundMs(), pages >= 0 ? "pages" : "requests");
        }
    }

    private static String seconds(long ms) {
        return ms == Long.MAX_VALUE ? "-" : String.format(Locale.ROOT, "%.3f s", ms / 1000.0);
    }
}
