package io.herald.demo;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * An article page of The Meridian Wire, modelled on a wire agency CMS: text in {@code div} blocks rather than
 * {@code p}, a lead photo whose caption appears twice (once with the " - The Meridian Wire" suffix in the
 * image alt), a "Subscribe" link beside the photo, and related-story blocks between paragraphs.
 */
final class MeridianArticlePage {
    static final String SITE = Publication.MERIDIAN.siteName();
    private final ArticleCatalog catalog;
    private final SiteLinks links;
    private final MeridianLayout layout;

    MeridianArticlePage(ArticleCatalog catalog, SiteLinks links, MeridianLayout layout) {
        this.catalog = catalog;
        this.links = links;
        this.layout = layout;
    }

    String render(DemoArticle a) {
        String url = links.articleUrl(a);
        String head = layout.head(a.title() + " - " + SITE, a.description(), url, meta(a, url), jsonLd(a, url));
        String body = "<div class=\"layout-article\">\n<div class=\"article\" data-article-id=\"" + a.id() + "\">\n"
                + header(a) + announce(a) + body(a) + footer(a) + "</div>\n"
                + layout.newsfeed() + "</div>\n";
        return head + layout.bodyStart("m-article") + body + layout.bodyEnd();
    }

    private String meta(DemoArticle a, String url) {
        StringBuilder m = new StringBuilder();
        m.append(prop("og:type", "article")).append(prop("og:site_name", SITE))
                .append(prop("og:title", a.title())).append(prop("og:description", a.description()))
                .append(prop("og:url", url)).append(prop("og:image", imageUrl(a)))
                .append(prop("article:published_time", a.published()))
                .append(prop("article:modified_time", Html.plusHours(a.published(), 2)))
                .append(prop("article:section", a.section()));
        a.tags().forEach(t -> m.append(prop("article:tag", t)));
        m.append("<meta name=\"twitter:card\" content=\"summary_large_image\">\n");
        m.append("<meta name=\"keywords\" content=\"").append(Html.esc(String.join(", ", a.tags()))).append("\">\n");
        return m.toString();
    }

    private JsonObject jsonLd(DemoArticle a, String url) {
        JsonArray authors = new JsonArray();
        a.authors().forEach(n -> authors.add(new JsonObject().put("@type", "Person").put("name", n)));
        return new JsonObject().put("@context", "https://schema.org").put("@type", "NewsArticle")
                .put("mainEntityOfPage", new JsonObject().put("@type", "WebPage").put("@id", url))
                .put("headline", a.title()).put("description", a.description())
                .put("datePublished", a.published()).put("dateModified", Html.plusHours(a.published(), 2))
                .put("author", authors).put("articleSection", a.section())
                .put("keywords", String.join(", ", a.tags())).put("inLanguage", "en")
                .put("image", new JsonObject().put("@type", "ImageObject").put("url", imageUrl(a))
                        .put("caption", a.caption()).put("creditText", a.credit()))
                .put("publisher", new JsonObject().put("@type", "Organization").put("name", SITE)
                        .put("logo", new JsonObject().put("@type", "ImageObject")
                                .put("url", links.url(Publication.MERIDIAN, "/i/logo.png"))));
    }

    private String header(DemoArticle a) {
        return "<div class=\"article__meta\"><a class=\"article__section\" href=\""
                + links.url(Publication.MERIDIAN, "/" + a.sectionSlug() + "/") + "\">" + Html.esc(a.section())
                + "</a> <div class=\"article__info-date\"><span>" + Html.date(a.published(), "HH:mm 'GMT' dd.MM.yyyy")
                + "</span> <span class=\"article__info-date-modified\">(updated: "
                + Html.date(Html.plusHours(a.published(), 2), "HH:mm 'GMT' dd.MM.yyyy") + ")</span></div>"
                + "<div class=\"article__author\">" + Html.esc(String.join(", ", a.authors())) + "</div></div>\n"
                + "<div class=\"article__header\"><h1 class=\"article__title\">" + Html.esc(a.title()) + "</h1>\n"
                + "<div class=\"article__announce-text\">" + Html.esc(a.description()) + "</div></div>\n";
    }

    private String announce(DemoArticle a) {
        return "<div class=\"article__announce\"><div class=\"media\" data-type=\"photo\"><figure class=\"media__size\">"
                + "<div class=\"media__copyright\"><div class=\"media__copyright-item m-copyright\">© "
                + Html.esc(a.credit()) + "</div></div>"
                + "<img src=\"" + imageUrl(a) + "\" alt=\"" + Html.esc(a.caption() + " - " + SITE) + "\" title=\""
                + Html.esc(a.caption()) + "\">"
                + "<div class=\"media__photo-alt\">" + Html.esc(a.caption() + " - " + SITE) + "</div>"
                + "<figcaption class=\"media__title\">" + Html.esc(a.caption()) + "</figcaption></figure>\n"
                + "<div class=\"media__subscribe\"><a class=\"media__subscribe-link\" href=\""
                + links.url(Publication.MERIDIAN, "/about/") + "\">Subscribe</a></div></div></div>\n";
    }

    /** Paragraphs, with one related block after the 1st, 3rd and 5th paragraph while related ids last. */
    private String body(DemoArticle a) {
        StringBuilder b = new StringBuilder("<div class=\"article__body\">\n");
        List<String> related = a.related();
        int next = 0;
        for (int i = 0; i < a.paragraphs().size(); i++) {
            b.append("<div class=\"article__block\" data-type=\"text\"><div class=\"article__text\">")
                    .append(Html.esc(a.paragraphs().get(i))).append("</div></div>\n");
            boolean slot = i % 2 == 0 && i < a.paragraphs().size() - 1;
            if (slot && next < related.size()) {
                b.append(relatedBlock(catalog.get(related.get(next++))));
            }
        }
        b.append("<div class=\"article__block\" data-type=\"text\"><div class=\"article__text article__text--promo\">"
                + "Never miss a story again — follow the Meridian Wire on your favourite messenger and we'll keep"
                + " you up to speed!</div></div>\n");
        return b.append("</div>\n").toString();
    }

    private String relatedBlock(DemoArticle r) {
        return "<div class=\"article__block\" data-type=\"article\"><div class=\"article__article m-image\">"
                + "<a href=\"" + links.articleUrl(r) + "\" class=\"article__article-link\">"
                + "<div class=\"article__article-image\"><img src=\"" + imageUrl(r) + "\" alt=\""
                + Html.esc(r.caption() + " - " + SITE) + "\"></div>"
                + "<div class=\"article__article-desc\"><div class=\"article__article-title\">"
                + Html.esc(r.title()) + "</div></div></a></div></div>\n";
    }

    private String footer(DemoArticle a) {
        StringBuilder f = new StringBuilder("<div class=\"article__footer\">\n<ul class=\"tags\">");
        a.tags().forEach(t -> f.append("<li class=\"tag\">").append(layout.tag(t)).append("</li>"));
        f.append("</ul>\n<div class=\"article__tools\"><a class=\"article__print\" href=\"")
                .append(links.url(Publication.MERIDIAN, "/print" + Publication.MERIDIAN.articlePath(a)))
                .append("\">Print version</a></div>\n")
                .append("<div class=\"article__comments\"><span class=\"comments__title\">Newsfeed</span>"
                        + "<span class=\"comments__count\">0</span><p>To participate in the discussion</p>"
                        + "<a href=\"" + links.url(Publication.MERIDIAN, "/about/") + "\">log in or register</a>"
                        + "<div class=\"loader\">loader</div></div>\n</div>\n");
        return f.toString();
    }

    private String imageUrl(DemoArticle a) {
        return links.url(Publication.MERIDIAN, "/img/" + a.date().replace("-", "") + "/" + a.slug() + ".jpg");
    }

    private static String prop(String name, String content) {
        return "<meta property=\"" + name + "\" content=\"" + Html.esc(content) + "\">\n";
    }
}
