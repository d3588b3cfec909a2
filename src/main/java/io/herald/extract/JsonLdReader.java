package io.herald.extract;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads schema.org JSON-LD: top-level objects, arrays and {@code @graph} lists, {@code @id} references
 * between nodes, nested or listed authors. Broken JSON is repaired where the damage is typical (comments,
 * raw newlines, trailing commas, concatenated objects); what still does not parse is salvaged field by field.
 */
final class JsonLdReader {
    private static final Pattern TRAILING_COMMA = Pattern.compile(",\\s*([}\\]])");
    private static final Pattern SALVAGE_FIELD = Pattern.compile(
            "\"(@type|headline|name|description|datePublished|dateModified|articleSection|inLanguage|url)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern SALVAGE_AUTHOR = Pattern.compile(
            "\"author\"\\s*:\\s*(\\[[^\\]]*]|\\{[^}]*}|\"[^\"]*\")");
    private static final Pattern SALVAGE_NAME = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]+)\"");

    JsonLdData read(Document doc) {
        List<JsonObject> nodes = new ArrayList<>();
        for (Element script : doc.select(Selectors.JSON_LD)) {
            collect(parse(script.data()), nodes);
        }
        if (nodes.isEmpty()) {
            return JsonLdData.EMPTY;
        }
        Map<String, JsonObject> byId = new HashMap<>();
        for (JsonObject n : nodes) {
            if (n.getValue("@id") instanceof String id) {
                byId.putIfAbsent(id, n);
            }
        }
        return new JsonLdNode(byId).toData(nodes);
    }

    /** Parses one script body, repairing or salvaging; null when nothing usable is there. */
    static Object parse(String raw) {
        String s = raw.strip()
                .replace("<!--", "").replace("-->", "")
                .replace("//<![CDATA[", "").replace("//]]>", "").replace("<![CDATA[", "").replace("]]>", "")
                .strip();
        if (s.isEmpty()) {
            return null;
        }
        Object parsed = tryParse(s);
        if (parsed == null) {
            String repaired = TRAILING_COMMA.matcher(s.replaceAll("[\\r\\n\\t]+", " ")).replaceAll("$1");
            parsed = tryParse(repaired);
            if (parsed == null && repaired.startsWith("{")) {
                parsed = tryParse("[" + repaired.replaceAll("}\\s*\\{", "},{") + "]");
            }
        }
        return parsed != null ? parsed : salvage(s);
    }

    private static Object tryParse(String s) {
        try {
            if (s.startsWith("[")) {
                return new JsonArray(s);
            }
            return s.startsWith("{") ? new JsonObject(s) : null;
        } catch (DecodeException | ClassCastException e) {
            return null;
        }
    }

    /** Reads the plain string fields of JSON too broken to parse; the first value of each field wins. */
    static JsonObject salvage(String s) {
        JsonObject out = new JsonObject();
        Matcher m = SALVAGE_FIELD.matcher(s);
        while (m.find()) {
            if (!out.containsKey(m.group(1))) {
                out.put(m.group(1), m.group(2).replace("\\\"", "\"").replace("\\/", "/"));
            }
        }
        Matcher a = SALVAGE_AUTHOR.matcher(s);
        if (a.find()) {
            String value = a.group(1);
            JsonArray authors = new JsonArray();
            if (value.startsWith("\"")) {
                authors.add(value.substring(1, value.length() - 1));
            }
            SALVAGE_NAME.matcher(value).results().forEach(r -> authors.add(r.group(1)));
            out.put("author", authors);
        }
        if (out.containsKey("name") && !out.containsKey("headline") && !out.containsKey("author")) {
            out.remove("name"); // a lone name is as likely the publisher's as the article's
        }
        return out.isEmpty() ? null : out;
    }

    /** Flattens arrays and {@code @graph} lists into one list of nodes. */
    private static void collect(Object value, List<JsonObject> out) {
        if (value instanceof JsonArray arr) {
            for (Object o : arr) {
                collect(o, out);
            }
        } else if (value instanceof JsonObject obj) {
            Object graph = obj.getValue("@graph");
            if (graph != null) {
                collect(graph, out);
            }
            if (obj.containsKey("@type")) {
                out.add(obj);
            }
            Object main = obj.getValue("mainEntity");
            if (main instanceof JsonObject m && m.containsKey("@type")) {
                out.add(m);
            }
        }
    }
}
