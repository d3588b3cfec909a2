package io.herald.config;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Loads a {@link CrawlConfig}: the classpath defaults ({@value #DEFAULTS}), overlaid by the user's YAML
 * (maps merge key by key; lists and scalars replace), then by {@code --set key=value} overrides, then
 * validated into records. Synchronous on purpose: {@code herald check-config} validates without starting
 * Vert.x. Every problem found is reported in one {@link ConfigException}, one line per problem in the form
 * {@code source: dotted.key: what is wrong, got "value"}.
 */
public final class ConfigLoader {
    /** The classpath resource holding the defaults; it documents every key. */
    public static final String DEFAULTS = "herald-defaults.yaml";
    /** The source named in messages for values from the defaults. */
    public static final String DEFAULTS_SOURCE = "defaults";
    /** The source named in messages for values given as overrides on the command line. */
    public static final String OVERRIDES_SOURCE = "--set";

    private ConfigLoader() {
    }

    /** Defaults, then the YAML file, then the overrides. */
    public static CrawlConfig load(Path file, Map<String, String> overrides) {
        return fromYaml(read(file), file.toString(), overrides);
    }

    /** Defaults, then the overrides; the seeds must come from the overrides. */
    public static CrawlConfig load(Map<String, String> overrides) {
        return resolve(null, null, overrides);
    }

    /** Defaults, then {@code yamlText} (named {@code sourceName} in messages), then the overrides. */
    public static CrawlConfig fromYaml(String yamlText, String sourceName, Map<String, String> overrides) {
        return resolve(YamlText.parseDocument(yamlText, sourceName), sourceName, overrides);
    }

    /** The resolved configuration in the shape of the YAML, for {@code herald check-config}. */
    public static JsonObject toJson(CrawlConfig config) {
        return ConfigJson.toJson(config);
    }

    private static CrawlConfig resolve(Map<String, Object> layer, String source, Map<String, String> overrides) {
        Map<String, Object> defaults = YamlText.parseDocument(readDefaults(), DEFAULTS_SOURCE);
        KnownKeys known = new KnownKeys(defaults);
        Problems problems = new Problems();
        ConfigTree tree = new ConfigTree();
        tree.overlay(defaults, DEFAULTS_SOURCE);
        if (layer != null) {
            tree.overlay(known.filter(layer, "", source, problems), source);
        }
        applyOverrides(overrides, known, tree, problems);
        CrawlConfig config = new RecordBinder(new Fields(tree, problems)).bind();
        problems.throwIfAny();
        return config;
    }

    /** Sorted by key so that messages come out in the same order whatever map the caller passed. */
    private static void applyOverrides(Map<String, String> overrides, KnownKeys known, ConfigTree tree,
                                       Problems problems) {
        for (Map.Entry<String, String> e : new TreeMap<>(overrides).entrySet()) {
            String key = e.getKey().strip();
            if (key.contains("[")) {
                problems.add(OVERRIDES_SOURCE, key, "--set cannot reach into a list; set the whole list, like"
                        + " --set " + key.substring(0, key.indexOf('[')) + "=[...]");
                continue;
            }
            if (!known.isKnown(key)) {
                problems.add(OVERRIDES_SOURCE, key, known.unknown(key));
                continue;
            }
            Object value = YamlText.parseValue(e.getValue() == null ? "" : e.getValue());
            if (known.isList(key)) {
                value = asList(value);
            }
            tree.overlay(known.filter(nest(key, value), "", OVERRIDES_SOURCE, problems), OVERRIDES_SOURCE);
        }
    }

    /** {@code a.b=v} as the layer {@code {a: {b: v}}}, so an override is checked and merged like a file. */
    private static Map<String, Object> nest(String dottedKey, Object value) {
        String[] parts = dottedKey.split("\\.");
        Object node = value;
        for (int i = parts.length - 1; i >= 0; i--) {
            Map<String, Object> parent = new LinkedHashMap<>();
            parent.put(parts[i], node);
            node = parent;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> layer = (Map<String, Object>) node;
        return layer;
    }

    /** {@code a,b} is a list of two; nothing is an empty list; {@code [a, b]} is already a list. */
    private static Object asList(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof String s) {
            List<String> items = new ArrayList<>();
            Arrays.stream(s.split(",")).map(String::strip).filter(x -> !x.isEmpty()).forEach(items::add);
            return items;
        }
        return value;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": no such file", e);
        } catch (CharacterCodingException e) {
            throw new ConfigException(file + ": not UTF-8 text", e);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read the file (" + e + ")", e);
        }
    }

    private static String readDefaults() {
        try (InputStream in = ConfigLoader.class.getClassLoader().getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new ConfigException(DEFAULTS_SOURCE + ": " + DEFAULTS + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(DEFAULTS_SOURCE + ": cannot read " + DEFAULTS + " (" + e + ")", e);
        }
    }
}
