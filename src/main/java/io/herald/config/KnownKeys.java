package io.herald.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The keys a configuration may use, taken from the defaults file (which documents every key) plus the keys
 * of one {@code extract.rules} entry. An unknown key is reported with the closest known key, because an
 * ignored typo such as {@code politness} would otherwise crawl with settings the user did not mean.
 */
final class KnownKeys {
    static final String RULES = "extract.rules";
    static final List<String> RULE_KEYS = List.of("hosts", "title", "body", "related", "date", "author", "exclude");

    private final Set<String> sections = new LinkedHashSet<>();
    private final Set<String> keys = new LinkedHashSet<>();
    private final Set<String> lists = new LinkedHashSet<>();

    KnownKeys(Map<String, Object> defaults) {
        collect(defaults, "");
    }

    /** True for a key that names a section (a mapping) rather than a value. */
    boolean isSection(String dottedKey) {
        return sections.contains(dottedKey);
    }

    /** True for a key whose value is a list (so a {@code --set} value may be comma-separated). */
    boolean isList(String dottedKey) {
        return lists.contains(dottedKey);
    }

    boolean isKnown(String dottedKey) {
        return keys.contains(dottedKey) || sections.contains(dottedKey);
    }

    /**
     * Reports every unknown key in {@code layer} (including inside rule entries) and every section that is
     * not a mapping, and returns the layer without them so that they cannot hide the defaults.
     * An empty section ({@code crawl:} with every key commented out) is simply dropped.
     */
    Map<String, Object> filter(Map<String, Object> layer, String prefix, String source, Problems problems) {
        Map<String, Object> kept = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : layer.entrySet()) {
            String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            Object value = e.getValue();
            if (!isKnown(path)) {
                problems.add(source, path, unknown(path));
            } else if (isSection(path) && value instanceof Map<?, ?> map) {
                kept.put(e.getKey(), filter(ConfigValues.stringKeyed(map), path, source, problems));
            } else if (isSection(path) && value != null) {
                problems.add(source, path, "expected a section of keys (see herald-defaults.yaml), got "
                        + ConfigValues.describe(value));
            } else if (!isSection(path)) {
                if (path.equals(RULES) && value instanceof List<?> rules) {
                    checkRules(rules, source, problems);
                }
                kept.put(e.getKey(), value);
            }
        }
        return kept;
    }

    /** The message for an unknown dotted key, with a suggestion when one is close enough to be useful. */
    String unknown(String path) {
        String suggestion = suggest(path);
        return suggestion == null
                ? "unknown key (see herald-defaults.yaml for the keys)"
                : "unknown key; did you mean \"" + suggestion + "\"?";
    }

    private void checkRules(List<?> rules, String source, Problems problems) {
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i) instanceof Map<?, ?> rule) {
                for (Object key : rule.keySet()) {
                    String name = String.valueOf(key);
                    if (!RULE_KEYS.contains(name)) {
                        String closest = Suggest.closest(name, RULE_KEYS);
                        problems.add(source, RULES + "[" + i + "]." + name, closest == null
                                ? "unknown key; a rule has " + String.join(", ", RULE_KEYS)
                                : "unknown key; did you mean \"" + closest + "\"?");
                    }
                }
            }
        }
    }

    /**
     * A sibling with a similar name first ({@code politeness.dealy}), then the same name in another section
     * ({@code crawl.delay} → {@code politeness.delay}), then any similar full key.
     */
    private String suggest(String path) {
        String parent = parentOf(path);
        String name = lastOf(path);
        List<String> siblings = new ArrayList<>();
        for (String k : all()) {
            if (parentOf(k).equals(parent)) {
                siblings.add(lastOf(k));
            }
        }
        String sibling = Suggest.closest(name, siblings);
        if (sibling != null) {
            return parent.isEmpty() ? sibling : parent + "." + sibling;
        }
        for (String k : keys) {
            if (lastOf(k).toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        return Suggest.closest(path, all());
    }

    private static String parentOf(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(0, dot);
    }

    private static String lastOf(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    private List<String> all() {
        List<String> all = new ArrayList<>(sections);
        all.addAll(keys);
        return all;
    }

    private void collect(Map<String, Object> node, String prefix) {
        for (Map.Entry<String, Object> e : node.entrySet()) {
            String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            if (e.getValue() instanceof Map<?, ?> map) {
                sections.add(path);
                collect(ConfigValues.stringKeyed(map), path);
            } else {
                keys.add(path);
                if (e.getValue() instanceof List<?>) {
                    lists.add(path);
                }
            }
        }
    }
}
