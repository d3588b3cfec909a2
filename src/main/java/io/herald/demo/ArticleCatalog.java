package io.herald.demo;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** All demo articles, loaded from {@code demo-site/<publication>.json} on the classpath. */
final class ArticleCatalog {
    private final Map<String, DemoArticle> byId;

    private ArticleCatalog(Map<String, DemoArticle> byId) {
        this.byId = byId;
    }

    static ArticleCatalog load() {
        Map<String, DemoArticle> byId = new LinkedHashMap<>();
        for (Publication p : Publication.values()) {
            JsonArray items = new JsonArray(read("/demo-site/" + p.key() + ".json"));
            for (int i = 0; i < items.size(); i++) {
                DemoArticle a = parse(items.getJsonObject(i), p, i + 1);
                if (byId.put(a.id(), a) != null) {
                    throw new IllegalStateException("duplicate demo article id " + a.id());
                }
            }
        }
        return new ArticleCatalog(byId);
    }

    DemoArticle get(String id) {
        return Optional.ofNullable(byId.get(id))
                .orElseThrow(() -> new IllegalArgumentException("unknown demo article " + id));
    }

    /** Public (non-members) articles of one publication, newest first, as a front page lists them. */
    List<DemoArticle> published(Publication p) {
        return of(p).stream().filter(a -> !a.membersOnly())
                .sorted(Comparator.comparing(DemoArticle::published).reversed()).toList();
    }

    List<DemoArticle> membersOnly(Publication p) {
        return of(p).stream().filter(DemoArticle::membersOnly).toList();
    }

    /** Every article of one publication in file order, members-only ones included. */
    List<DemoArticle> of(Publication p) {
        return byId.values().stream().filter(a -> a.publication() == p).toList();
    }

    List<DemoArticle> all() {
        return List.copyOf(byId.values());
    }

    private static DemoArticle parse(JsonObject o, Publication p, int number) {
        JsonObject image = o.getJsonObject("image");
        return new DemoArticle(o.getString("id"), p, number, o.getString("slug"), o.getString("section"),
                o.getString("title"), o.getString("description"), strings(o, "authors"),
                o.getString("published"), strings(o, "tags"), image.getString("caption"),
                image.getString("credit"), strings(o, "related"), strings(o, "paragraphs"),
                o.getBoolean("members", false));
    }

    private static List<String> strings(JsonObject o, String key) {
        List<String> out = new ArrayList<>();
        o.getJsonArray(key).forEach(v -> out.add((String) v));
        return out;
    }

    private static String read(String resource) {
        try (InputStream in = ArticleCatalog.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
