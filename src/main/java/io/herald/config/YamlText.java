package io.herald.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;

/**
 * YAML text to plain Java values (maps, lists, strings, numbers, booleans) with SnakeYAML's
 * {@link SafeConstructor}: a config file can never name a Java class to instantiate. Duplicate keys are an
 * error because the second one would silently win.
 */
final class YamlText {
    private static final Pattern NULL = Pattern.compile("|~|null|Null|NULL");

    private YamlText() {
    }

    /**
     * Parses a whole document, which must be a mapping (or empty, which is an empty mapping).
     *
     * @throws ConfigException naming {@code source} and the line of a syntax error
     */
    static Map<String, Object> parseDocument(String text, String source) {
        Object root = load(text, source);
        if (root == null) {
            return new LinkedHashMap<>();
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new ConfigException(source + ": expected a mapping of sections like 'crawl:' at the top level, got "
                    + ConfigValues.describe(root));
        }
        return ConfigValues.stringKeyed(map);
    }

    /**
     * Parses one {@code --set} value as a YAML scalar or flow collection ({@code 2s}, {@code 10}, {@code [a, b]}).
     * Text that YAML would not read as one value (say {@code @home}, {@code a: b} or {@code #1}) is taken
     * literally as a string; only empty text, {@code null} and {@code ~} are null.
     */
    static Object parseValue(String text) {
        try {
            Object value = yaml().load(text);
            if (value == null && !NULL.matcher(text.strip()).matches()) {
                return text;
            }
            return value instanceof Map<?, ?> && !text.strip().startsWith("{") ? text : value;
        } catch (YAMLException e) {
            return text;
        }
    }

    private static Object load(String text, String source) {
        try {
            return yaml().load(text);
        } catch (MarkedYAMLException e) {
            throw new ConfigException(source + ": " + where(e) + "invalid YAML: " + e.getProblem(), e);
        } catch (YAMLException e) {
            throw new ConfigException(source + ": invalid YAML: " + e.getMessage(), e);
        }
    }

    /** SnakeYAML counts lines from 0; editors count from 1. */
    private static String where(MarkedYAMLException e) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        return mark == null ? "" : "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ": ";
    }

    /** A new instance per use: {@link Yaml} is not thread-safe and this keeps no static mutable state. */
    private static Yaml yaml() {
        LoaderOptions loading = new LoaderOptions();
        loading.setAllowDuplicateKeys(false);
        DumperOptions dumping = new DumperOptions();
        return new Yaml(new SafeConstructor(loading), new Representer(dumping), dumping, loading);
    }
}
