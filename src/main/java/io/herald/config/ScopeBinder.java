package io.herald.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Binds {@code crawl.seeds} and the {@code scope} section, which depend on each other via same-as-seeds. */
final class ScopeBinder {
    /** The scope.hosts token replaced by the hosts of the seeds. */
    static final String SAME_AS_SEEDS = "same-as-seeds";

    private final Fields f;

    ScopeBinder(Fields fields) {
        this.f = fields;
    }

    /** The seeds, stripped, each checked; duplicates and an empty list are problems. */
    List<String> seeds() {
        String key = "crawl.seeds";
        List<String> seeds = urls(key, "seed");
        if (f.list(key).isEmpty() && !(f.raw(key) != null && !(f.raw(key) instanceof List<?>))) {
            f.problem(key, "at least one seed URL is required (a list of absolute http(s) URLs;"
                    + " on the command line: --set crawl.seeds=https://news.example.com/)");
        }
        return seeds;
    }

    /** A list of absolute http(s) URLs, each checked, duplicates reported by {@code what} they are. */
    List<String> urls(String key, String what) {
        List<?> raw = f.list(key);
        Set<String> urls = new LinkedHashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            String path = key + "[" + i + "]";
            String url = f.text(path);
            String problem = url.isEmpty() ? null : Checks.seedProblem(url);
            if (problem != null) {
                f.problem(path, problem + ", got " + ConfigValues.quote(url));
            } else if (!url.isEmpty() && !urls.add(url)) {
                f.problem(path, "duplicate " + what + " " + ConfigValues.quote(url));
            }
        }
        return new ArrayList<>(urls);
    }

    ScopeConfig scope(List<String> seeds) {
        return new ScopeConfig(hosts(seeds), patterns("scope.include"), patterns("scope.exclude"),
                f.texts("scope.stripParams"), f.integer("scope.maxUrlLength", 64, 1 << 20),
                f.integer("scope.maxPathDepth", 1, 1024), f.integer("scope.maxRepeatedSegments", 1, 1024),
                f.whole("scope.maxPagesPerHost", 0));
    }

    private Set<String> hosts(List<String> seeds) {
        String key = "scope.hosts";
        List<?> raw = f.list(key);
        Set<String> hosts = new LinkedHashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            String host = f.text(key + "[" + i + "]").toLowerCase(Locale.ROOT);
            if (host.equals(SAME_AS_SEEDS)) {
                seeds.forEach(seed -> hosts.add(Checks.hostOf(seed)));
            } else if (!host.isEmpty()) {
                String problem = Checks.hostProblem(host);
                if (problem != null) {
                    f.problem(key + "[" + i + "]", problem + ", got " + ConfigValues.quote(host));
                }
                hosts.add(host);
            }
        }
        if (raw.isEmpty() && f.raw(key) instanceof List<?>) {
            f.problem(key, "at least one host is required (use [" + SAME_AS_SEEDS + "] for the seeds' hosts)");
        }
        return hosts;
    }

    private List<Pattern> patterns(String key) {
        List<?> raw = f.list(key);
        List<Pattern> patterns = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String path = key + "[" + i + "]";
            String regex = f.text(path);
            String problem = regex.isEmpty() ? null : Checks.regexProblem(regex);
            if (problem != null) {
                f.problem(path, problem + ", got " + ConfigValues.quote(regex));
            } else if (!regex.isEmpty()) {
                patterns.add(Pattern.compile(regex));
            }
        }
        return patterns;
    }
}
