package io.herald.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Reconciles JSON-LD, OpenGraph/Twitter/meta tags and visible page hints, field by field, in that order
 * of trust. Remembers which sources it used, for {@code Extraction.method}.
 */
final class MetadataResolver {
    private final DateNormalizer dates;

    MetadataResolver(DateNormalizer dates) {
        this.dates = dates;
    }

    /** Candidates of one field, tagged with their source, tried in order. */
    private static final class Picker {
        private final Set<String> used;
        private final Map<String, List<String>> candidates = new LinkedHashMap<>();

        Picker(Set<String> used) {
            this.used = used;
        }

        Picker add(String source, String value) {
            if (value != null && !value.isBlank()) {
                candidates.computeIfAbsent(source, k -> new ArrayList<>()).add(value.strip());
            }
            return this;
        }

        Picker addAll(String source, List<String> values) {
            values.forEach(v -> add(source, v));
            return this;
        }

        /** The first candidate that survives {@code accept} (which may rewrite it; null rejects). */
        String pick(UnaryOperator<String> accept) {
            for (Map.Entry<String, List<String>> e : candidates.entrySet()) {
                for (String v : e.getValue()) {
                    String out = accept.apply(v);
                    if (out != null) {
                        used.add(e.getKey());
                        return out;
                    }
                }
            }
            return null;
        }

        /** All values of the first source that has any, de-duplicated case-insensitively. */
        List<String> pickList(UnaryOperator<String> clean) {
            for (Map.Entry<String, List<String>> e : candidates.entrySet()) {
                List<String> out = dedupe(e.getValue(), clean);
                if (!out.isEmpty()) {
                    used.add(e.getKey());
                    return out;
                }
            }
            return List.of();
        }
    }

    Metadata resolve(JsonLdData ld, MetaTags meta, VisibleMetadata page) {
        Set<String> used = new LinkedHashSet<>();
        String siteName = new Picker(used).add("jsonld", ld.publisher())
                .add("og", meta.first("og:site_name")).add("meta", meta.first("application-name"))
                .pick(UnaryOperator.identity());
        List<String> siteNames = dedupe(List.of(nz(ld.publisher()), nz(meta.first("og:site_name")),
                nz(meta.first("application-name"))), UnaryOperator.identity());
        String title = new Picker(used).add("jsonld", ld.headline())
                .add("og", meta.first("og:title", "twitter:title"))
                .add("page", page.headline()).add("page", page.title())
                .pick(t -> TitleCleaner.strip(t, siteNames));
        String description = new Picker(used).add("jsonld", ld.description())
                .add("og", meta.first("og:description", "twitter:description"))
                .add("meta", meta.first("description", "dc.description", "dcterms.description"))
                .pick(TextCleaner::nfc);
        List<String> authors = notSite(new Picker(used).addAll("jsonld", split(ld.authors()))
                .addAll("og", split(meta.all("article:author")))
                .addAll("meta", split(meta.all("author", "dc.creator", "dcterms.creator", "sailthru.author",
                        "citation_author", "parsely-author", "byl")))
                .addAll("page", page.bylines())
                .pickList(MetadataResolver::author), siteNames);
        String published = new Picker(used).add("jsonld", ld.datePublished())
                .add("og", meta.first("article:published_time", "og:published_time"))
                .addAll("meta", meta.all("date", "pubdate", "publishdate", "publish-date", "dc.date",
                        "dc.date.issued", "dcterms.created", "dcterms.date", "sailthru.date", "parsely-pub-date",
                        "datepublished", "citation_publication_date", "citation_date", "article.published",
                        "original-publish-date", "og:article:published_time"))
                .addAll("page", page.times())
                .pick(dates::normalize);
        String modified = new Picker(used).add("jsonld", ld.dateModified())
                .add("og", meta.first("article:modified_time", "og:updated_time"))
                .addAll("meta", meta.all("last-modified", "dc.date.modified", "dcterms.modified", "datemodified"))
                .pick(dates::normalize);
        String section = new Picker(used).add("jsonld", ld.section())
                .add("og", meta.first("article:section"))
                .add("meta", meta.first("section", "category"))
                .pick(UnaryOperator.identity());
        List<String> tags = new Picker(used).addAll("jsonld", ld.keywords())
                .addAll("og", meta.all("article:tag"))
                .addAll("meta", splitComma(meta.all("news_keywords", "keywords")))
                .pickList(UnaryOperator.identity());
        String language = new Picker(used).add("page", page.lang())
                .add("og", meta.first("og:locale")).add("meta", meta.first("content-language", "dc.language"))
                .add("jsonld", ld.language())
                .pick(v -> v.replace('_', '-'));
        String canonical = new Picker(used).add("page", page.canonical())
                .add("og", meta.first("og:url")).pick(MetadataResolver::absoluteHttp);
        String ogType = meta.first("og:type");
        return new Metadata(canonical, title, description, authors, published, modified, section, tags,
                language, siteName, ogType == null ? null : ogType.toLowerCase(Locale.ROOT),
                meta.first("og:image", "og:image:url", "og:image:secure_url", "twitter:image"), used);
    }

    private static String author(String raw) {
        if (raw.startsWith("http://") || raw.startsWith("https://") || raw.startsWith("@")) {
            return null; // article:author is often a profile URL, twitter:creator a handle
        }
        String a = TextCleaner.normalize(raw.replaceFirst("(?iu)^by\\s+", ""));
        return a.isEmpty() || a.length() > 100 ? null : a;
    }

    /** Every field split into person names ("Jane Doe, dpa" → [Jane Doe]); URLs and handles kept for author(). */
    private static List<String> split(List<String> values) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            String t = v.strip();
            if (t.startsWith("http://") || t.startsWith("https://") || t.startsWith("@")) {
                out.add(t);
            } else {
                out.addAll(Authors.split(t));
            }
        }
        return out;
    }

    /** Drops the site or publisher credited as author: an organization is not a byline. */
    private static List<String> notSite(List<String> authors, List<String> siteNames) {
        return authors.stream().filter(a -> siteNames.stream().noneMatch(a::equalsIgnoreCase)).toList();
    }

    private static String absoluteHttp(String url) {
        String u = url.strip();
        return u.startsWith("http://") || u.startsWith("https://") ? u : null;
    }

    private static List<String> splitComma(List<String> values) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            for (String s : v.split("[,;]")) {
                if (!s.isBlank()) {
                    out.add(s.strip());
                }
            }
        }
        return out;
    }

    static List<String> dedupe(List<String> values, UnaryOperator<String> clean) {
        Map<String, String> seen = new LinkedHashMap<>();
        for (String v : values) {
            String c = clean.apply(v);
            if (c != null && !c.isBlank()) {
                seen.putIfAbsent(c.toLowerCase(Locale.ROOT), c);
            }
        }
        return List.copyOf(seen.values());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
