package io.herald.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small helpers over the plain values SnakeYAML produces: copying, key normalising, describing for messages. */
final class ConfigValues {
    private static final int MAX_SHOWN = 80;

    private ConfigValues() {
    }

    /** A deep copy of a map with its keys as strings (YAML allows {@code 1:} or {@code true:} keys). */
    static Map<String, Object> stringKeyed(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            copy.put(String.valueOf(e.getKey()), deepCopy(e.getValue()));
        }
        return copy;
    }

    /** Deep copy so that merging one layer never mutates another. */
    static Object deepCopy(Object value) {
        if (value instanceof Map<?, ?> map) {
            return stringKeyed(map);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (Object item : list) {
                copy.add(deepCopy(item));
            }
            return copy;
        }
        return value;
    }

    /** How a value is shown after "got": strings quoted, collections named, long text cut. */
    static String describe(Object value) {
        if (value == null) {
            return "nothing";
        }
        if (value instanceof String s) {
            return quote(s);
        }
        if (value instanceof Map<?, ?>) {
            return "a mapping " + cut(String.valueOf(value));
        }
        if (value instanceof List<?>) {
            return "a list " + cut(String.valueOf(value));
        }
        return cut(String.valueOf(value));
    }

    static String quote(String s) {
        String escaped = s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t");
        return "\"" + cut(escaped) + "\"";
    }

    private static String cut(String s) {
        return s.length() <= MAX_SHOWN ? s : s.substring(0, MAX_SHOWN) + "...";
    }
}
