package io.herald.config;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The merged configuration as nested maps, plus where each value came from. Layers are merged deeply:
 * maps merge key by key, while lists and scalars replace what was there. The origin of a value is the
 * source of the last layer that set it or one of its parents, so a message can say "conf/x.yaml" or
 * "--set" rather than only the key.
 */
final class ConfigTree {
    private final Map<String, Object> root = new LinkedHashMap<>();
    private final Map<String, String> origins = new HashMap<>();

    /** Merges every entry of {@code layer} (a fresh, string-keyed tree) into this tree. */
    void overlay(Map<String, Object> layer, String source) {
        merge(root, layer, "", source);
    }

    /**
     * The value at {@code path}, or null. Paths are dotted with optional list indexes:
     * {@code politeness.delay}, {@code extract.rules[0].body}.
     */
    Object get(String path) {
        Object node = root;
        for (String part : path.split("\\.")) {
            int bracket = part.indexOf('[');
            String key = bracket < 0 ? part : part.substring(0, bracket);
            node = node instanceof Map<?, ?> map ? map.get(key) : null;
            if (bracket >= 0) {
                int index = Integer.parseInt(part.substring(bracket + 1, part.length() - 1));
                node = node instanceof List<?> list && index < list.size() ? list.get(index) : null;
            }
        }
        return node;
    }

    /** The source that last set {@code path} or a parent of it. */
    String origin(String path) {
        String p = path;
        while (!p.isEmpty()) {
            String source = origins.get(p);
            if (source != null) {
                return source;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut < 0 ? "" : p.substring(0, cut);
        }
        return origins.getOrDefault("", "defaults");
    }

    private void merge(Map<String, Object> target, Map<String, Object> layer, String prefix, String source) {
        for (Map.Entry<String, Object> e : layer.entrySet()) {
            String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            Object old = target.get(e.getKey());
            if (e.getValue() instanceof Map<?, ?> && old instanceof Map<?, ?>) {
                merge(asMap(old), asMap(e.getValue()), path, source);
            } else {
                target.put(e.getKey(), e.getValue());
                origins.keySet().removeIf(k -> k.startsWith(path + ".") || k.startsWith(path + "["));
                origins.put(path, source);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) value;
    }
}
