package io.herald.demo;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * A Northern Gazette story: JSON-LD {@code @graph} (Organization, WebSite, WebPage, BreadcrumbList,
 * NewsArticle with nested Person authors), {@code p} paragraphs interleaved with a pull quote that repeats a
 * sentence of the body and "Read more" lines, then a related list and a supporter prompt.
 */
final class GazetteArticlePage {
    private static final Publication P = Publication.GAZETTE;
    private final ArticleCatalog catalog;
    private final SiteLinks links;
    private final GazetteLayout layout;

    GazetteArticlePage(ArticleCatalog catalog, SiteLinks links, GazetteLayout layout) {
        this.catalog = catalog;
        this.links = links;
        this.layout = layout;
    }

    String render(DemoArticle a) {
        String url = links.articleUrl(a);
        String meta = "<meta property=\"og:type\" content=\"article\">\n<meta property=\"og:site_name\" content=\"Northern Gazette\">\n"
                + "<meta property=\"og:title\" content=\"" + Html.esc(a.title()) + "\">\n"
                + "<meta property=\"og:description\" content=\"" + Html.esc(a.description()) + "\">\n"
                + "<meta property=\"og:url\" content=\"" + url + "\">\n<meta property=\"og:image\" content=\"" + imageUrl(a) + "\">\n"
                + "<meta name=\"twitter:title\" content=\"" + Html.esc(a.title()) + "\">\n"
                + "<script type=\"application/ld+json\">" + Html.scriptJson(graph(a, url)) + "</script>\n";
        String state = new JsonObject().put("story", new JsonObject().put("id", a.id()).put("headline", a.title())
                .put("section", a.section())).put("user", new JsonObject().put("loggedIn", false)).encode();
        return layout.head(a.title() + " | Northern Gazette", a.description(), P.articlePath(a), meta)
                + layout.bodyStart() + "<article class=\"ng-story\" data-story-id=\"" + a.id() + "\">\n"
                + header(a) + figure(a) + body(a) + footer(a) + "</article>\n" + layout.trending()
                + layout.bodyEnd(state);
    }

    private JsonObject graph(DemoArticle a, String url) {
        String base = links.base(P);
        JsonObject org = new JsonObject().put("@type", "NewsMediaOrganization").put("@id", base + "#organization")
                .put("name", "Northern Gazette").put("url", base)
                .put("logo", new JsonObject().put("@type", "ImageObject").put("url", links.url(P, "/static/logo.png")));
        JsonObject site = new JsonObject().put("@type", "WebSite").put("@id", base + "#website").put("url", base)
                .put("name", "Northern Gazette").put("publisher", new JsonObject().put("@id", base + "#organization"));
        JsonObject page = new JsonObject().put("@type", "WebPage").put("@id", url).put("url", url)
                .put("name", a.title() + " | Northern Gazette").put("isPartOf", new JsonObject().put("@id", base + "#website"))
                .put("breadcrumb", new JsonObject().put("@id", url + "#breadcrumb"));
        JsonObject crumbs = new JsonObject().put("@type", "BreadcrumbList").put("@id", url + "#breadcrumb")
                .put("itemListElement", new JsonArray()
                        .add(new JsonObject().put("@type", "ListItem").put("position", 1).put("name", "Home").put("item", base))
                        .add(new JsonObject().put("@type", "ListItem").put("position", 2).put("name", a.section())));
        JsonArray authors = new JsonArray();
        a.authors().forEach(n -> authors.add(new JsonObject().put("@type", "Person")
                .put("@id", base + "#/schema/person/" + Publication.slugOf(n)).put("name", n)
                .put("jobTitle", a.section() + " reporter")
                .put("worksFor", new JsonObject().put("@id", base + "#organization"))));
        JsonObject article = new JsonObject().put("@type", new JsonArray().add("NewsArticle"))
                .put("@id", url + "#article").put("isPartOf", new JsonObject().put("@id", url))
                .put("mainEntityOfPage", new JsonObject().put("@id", url)).put("headline", a.title())
                .put("description", a.description()).put("datePublished", a.published())
                .put("dateModified", Html.plusHours(a.published(), 1)).put("author", authors)
                .put("articleSection", new JsonArray().add(a.section())).put("keywords", new JsonArray(a.tags()))
                .put("inLanguage", "en-GB").put("publisher", new JsonObject().put("@id", base + "#organization"))
                .put("image", new JsonArray().add(new JsonObject().put("@type", "ImageObject").put("url", imageUrl(a))
                        .put("caption", a.caption())));
        return new JsonObject().put("@context", "https://schema.org")
                .put("@graph", new JsonArray().add(org).add(site).add(page).add(crumbs).add(article));
    }

    private String header(DemoArticle a) {
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < a.authors().size(); i++) {
            names.append(i == 0 ? "" : " and ").append("<span class=\"ng-byline__name\">")
                    .append(Html.esc(a.authors().get(i))).append("</span>");
        }
        return "<nav class=\"ng-breadcrumb\"><a href=\"/\">Home</a> › " + layout.kicker(a.section()) + "</nav>\n"
                + "<header class=\"ng-story__header\"><h1 class=\"ng-story__headline\">" + Html.esc(a.title()) + "</h1>\n"
                + "<p class=\"ng-story__standfirst\">" + Html.esc(a.description()) + "</p>\n"
                + "<div class=\"ng-byline\"><div class=\"ng-byline__authors\">By " + names + "</div>"
                + "<time class=\"ng-byline__date\" datetime=\"" + a.published() + "\">"
                + Html.date(a.published(), "EEEE d MMMM yyyy, HH:mm") + "</time></div></header>\n";
    }

    private String figure(DemoArticle a) {
        return "<figure class=\"ng-story__lead-media\"><picture><source type=\"image/webp\" srcset=\""
                + imageUrl(a).replace(".jpg", ".webp") + "\"><img src=\"" + imageUrl(a) + "\" alt=\"\" loading=\"eager\">"
                + "</picture><figcaption><span class=\"ng-caption\">" + Html.esc(a.caption())
                + "</span> <span class=\"ng-credit\">Photo: " + Html.esc(a.credit()) + "</span></figcaption></figure>\n";
    }

    private String body(DemoArticle a) {
        StringBuilder b = new StringBuilder("<div class=\"ng-story__body\">\n");
        List<String> paras = a.paragraphs();
        String quote = pullQuote(paras);
        for (int i = 0; i < paras.size(); i++) {
            b.append("<p>").append(Html.esc(paras.get(i))).append("</p>\n");
            if (i == 1 && !a.related().isEmpty()) {
                DemoArticle r = catalog.get(a.related().get(0));
                b.append("<p class=\"ng-readmore\"><strong>Read more:</strong> <a href=\"").append(layout.href(r))
                        .append("\">").append(Html.esc(r.title())).append("</a></p>\n");
            }
            if (i == 2 && quote != null) {
                b.append("<aside class=\"ng-pullquote\"><blockquote>").append(Html.esc(quote)).append("</blockquote></aside>\n");
            }
        }
        return b.append("</div>\n").toString();
    }

    /** The first “quoted” passage of the body, repeated as a pull quote, or null if there is none. */
    static String pullQuote(List<String> paragraphs) {
        for (String p : paragraphs) {
            int open = p.indexOf('“');
            int close = p.indexOf('”', open + 1);
            if (open >= 0 && close > open) {
                return p.substring(open, close + 1);
            }
        }
        return null;
    }

    private String footer(DemoArticle a) {
        StringBuilder f = new StringBuilder("<div class=\"ng-story__tags\">");
        a.tags().forEach(t -> f.append(layout.tag(t)).append(' '));
        f.append("</div>\n<section class=\"ng-related\"><h2>More on this story</h2><ul>");
        a.related().forEach(id -> {
            DemoArticle r = catalog.get(id);
            f.append("<li><a href=\"").append(layout.href(r)).append("\">").append(Html.esc(r.title())).append("</a></li>");
        });
        return f.append("</ul></section>\n<div class=\"ng-support\"><p>Independent journalism for the north costs money."
                + " <a href=\"/about/\">Become a supporter</a></p></div>\n").toString();
    }

    private String imageUrl(DemoArticle a) {
        return links.url(P, "/media/" + a.id() + "/" + a.slug() + ".jpg");
    }
}
