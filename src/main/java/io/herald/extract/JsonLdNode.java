package io.herald.extract;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads the fields of flattened JSON-LD nodes, resolving {@code @id} references. */
final class JsonLdNode {
    private static final Set<String> ARTICLE_TYPES = Set.of("newsarticle", "article", "reportagenewsarticle",
            "blogposting", "analysisnewsarticle", "opinionnewsarticle", "reviewnewsarticle",
            "backgroundnewsarticle", "askpublicnewsarticle", "livebloposting", "liveblogposting", "report",
            "techarticle", "scholarlyarticle", "socialmediaposting", "satiricalarticle");
    private static final List<String> PAGE_TYPES = List.of("webpage", "collectionpage", "itempage",
            "searchresultspage", "aboutpage", "profilepage");
    private final Map<String, JsonObject> byId;

    JsonLdNode(Map<String, JsonObject> byId) {
        this.byId = byId;
    }

    JsonLdData toData(List<JsonObject> nodes) {
        JsonObject article = find(nodes, ARTICLE_TYPES);
        JsonObject page = find(nodes, PAGE_TYPES);
        JsonObject site = find(nodes, List.of("website"));
        JsonObject a = article != null ? article : new JsonObject();
        String publisher = name(a.getValue("publisher"));
        if (publisher == null && site != null) {
            publisher = str(site.getValue("name"));
        }
        List<String> related = strings(a.getValue("relatedLink"));
        if (related.isEmpty() && page != null) {
            related = strings(page.getValue("relatedLink"));
        }
        String language = str(a.getValue("inLanguage"));
        String pageType = page != null ? typeOf(page) : site != null ? typeOf(site) : null;
        return new JsonLdData(article == null ? null : typeOf(article), pageType,
                firstNonNull(str(a.getValue("headline")), article == null ? null : str(a.getValue("name"))),
                str(a.getValue("description")), names(a.getValue("author")),
                str(a.getValue("datePublished")), str(a.getValue("dateModified")),
                firstOf(strings(a.getValue("articleSection"))), keywords(a.getValue("keywords")), publisher,
                firstNonNull(str(a.getValue("url")), idOf(a.getValue("mainEntityOfPage"))),
                urls(a.getValue("image")), related,
                language != null || page == null ? language : str(page.getValue("inLanguage")),
                accessibleForFree(a));
    }

    /** {@code isAccessibleForFree} of the article or of a part of it; null when the page does not say. */
    private static Boolean accessibleForFree(JsonObject a) {
        Boolean free = bool(a.getValue("isAccessibleForFree"));
        Object part = a.getValue("hasPart");
        for (Object p : part instanceof JsonArray arr ? arr : new JsonArray().add(part == null ? "" : part)) {
            if (p instanceof JsonObject o && Boolean.FALSE.equals(bool(o.getValue("isAccessibleForFree")))) {
                return false;
            }
        }
        return free;
    }

    private static Boolean bool(Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        String s = str(v);
        return s == null ? null : s.equalsIgnoreCase("true") ? Boolean.TRUE
                : s.equalsIgnoreCase("false") ? Boolean.FALSE : null;
    }

    private JsonObject find(List<JsonObject> nodes, Collection<String> types) {
        for (JsonObject n : nodes) {
            for (String t : strings(n.getValue("@type"))) {
                if (types.contains(t.toLowerCase(Locale.ROOT))) {
                    return n;
                }
            }
        }
        return null;
    }

    private static String typeOf(JsonObject n) {
        return firstOf(strings(n.getValue("@type")));
    }

    private JsonObject deref(Object v) {
        if (v instanceof JsonObject o) {
            Object id = o.getValue("@id");
            if (!o.containsKey("name") && id instanceof String s && byId.containsKey(s)) {
                return byId.get(s);
            }
            return o;
        }
        return null;
    }

    /** A name from a string, a Person/Organization object, or an {@code @id} reference. */
    private String name(Object v) {
        if (v instanceof JsonArray arr) {
            return arr.isEmpty() ? null : name(arr.getValue(0));
        }
        if (v instanceof String s) {
            return TextCleaner.normalize(s).isEmpty() ? null : TextCleaner.normalize(s);
        }
        JsonObject o = deref(v);
        return o == null ? null : str(o.getValue("name"));
    }

    /**
     * Author names; organizations credited next to people (a desk, the publisher) are left out, and are
     * kept only when no person is named.
     */
    private List<String> names(Object v) {
        List<String> people = new ArrayList<>();
        List<String> organizations = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        if (v instanceof JsonArray arr) {
            arr.forEach(values::add); // the iterator wraps nested maps as JsonObject
        } else {
            values.add(v);
        }
        for (Object o : values) {
            String n = name(o);
            if (n != null) {
                JsonObject node = deref(o);
                (node != null && isOrganization(node) ? organizations : people).add(n);
            }
        }
        return people.isEmpty() ? organizations : people;
    }

    private static boolean isOrganization(JsonObject node) {
        return strings(node.getValue("@type")).stream()
                .anyMatch(t -> t.toLowerCase(Locale.ROOT).endsWith("organization") || t.equalsIgnoreCase("Corporation"));
    }

    private static List<String> keywords(Object v) {
        List<String> out = new ArrayList<>();
        for (String s : strings(v)) {
            for (String k : s.split(",")) {
                if (!k.isBlank()) {
                    out.add(k.strip());
                }
            }
        }
        return out;
    }

    private List<String> urls(Object v) {
        List<String> out = new ArrayList<>();
        if (v instanceof JsonArray arr) {
            arr.forEach(o -> out.addAll(urls(o)));
        } else if (v instanceof String s) {
            out.add(s.strip());
        } else if (deref(v) != null) {
            JsonObject o = deref(v);
            String u = firstNonNull(str(o.getValue("url")), str(o.getValue("contentUrl")));
            if (u != null) {
                out.add(u);
            }
        }
        return out;
    }

    private static String idOf(Object v) {
        if (v instanceof String s) {
            return s;
        }
        return v instanceof JsonObject o ? firstNonNull(str(o.getValue("@id")), str(o.getValue("url"))) : null;
    }

    static List<String> strings(Object v) {
        List<String> out = new ArrayList<>();
        if (v instanceof JsonArray arr) {
            for (Object o : arr) {
                String s = str(o);
                if (s != null) {
                    out.add(s);
                }
            }
        } else {
            String s = str(v);
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    static String str(Object v) {
        if (v instanceof String || v instanceof Number) {
            String s = TextCleaner.normalize(v.toString());
            return s.isEmpty() ? null : s;
        }
        return null;
    }

    private static String firstOf(List<String> list) {
        return list.isEmpty() ? null : list.get(0);
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
