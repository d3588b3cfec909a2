package io.herald.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Binds {@code extract.rules}: each entry's hosts and CSS selectors, checked with jsoup's selector parser. */
final class RuleBinder {
    private static final String KEY = KnownKeys.RULES;

    private final Fields f;

    RuleBinder(Fields fields) {
        this.f = fields;
    }

    List<SiteRule> rules() {
        List<?> raw = f.list(KEY);
        List<SiteRule> rules = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String path = KEY + "[" + i + "]";
            if (raw.get(i) instanceof Map<?, ?>) {
                rules.add(rule(path));
            } else {
                f.problem(path, "expected a mapping like {hosts: [news.example.com], body: article p}, got "
                        + ConfigValues.describe(raw.get(i)));
            }
        }
        return rules;
    }

    private SiteRule rule(String path) {
        return new SiteRule(hosts(path + ".hosts"), selector(path + ".title"), selector(path + ".body"),
                selector(path + ".related"), selector(path + ".date"), selector(path + ".author"),
                selectors(path + ".exclude"));
    }

    private List<String> hosts(String key) {
        if (f.raw(key) == null) {
            f.problem(key, "a rule needs the hosts it applies to, like hosts: [news.example.com]");
            return List.of();
        }
        List<String> hosts = new ArrayList<>();
        List<?> raw = f.list(key);
        for (int i = 0; i < raw.size(); i++) {
            String host = f.text(key + "[" + i + "]").toLowerCase(Locale.ROOT);
            String problem = host.isEmpty() ? null : Checks.hostProblem(host);
            if (problem != null) {
                f.problem(key + "[" + i + "]", problem + ", got " + ConfigValues.quote(host));
            }
            hosts.add(host);
        }
        if (raw.isEmpty() && f.raw(key) instanceof List<?>) {
            f.problem(key, "a rule needs at least one host");
        }
        return hosts;
    }

    /** An optional selector: null when not given. */
    private String selector(String key) {
        String css = f.optionalText(key);
        if (css != null && !css.isEmpty()) {
            String problem = Checks.selectorProblem(css);
            if (problem != null) {
                f.problem(key, problem + ", got " + ConfigValues.quote(css));
            }
        }
        return css;
    }

    private List<String> selectors(String key) {
        List<String> out = new ArrayList<>();
        int count = f.list(key).size();
        for (int i = 0; i < count; i++) {
            String css = f.text(key + "[" + i + "]");
            if (!css.isEmpty()) {
                out.add(selector(key + "[" + i + "]"));
            }
        }
        return out;
    }
}
