package io.herald.demo;

import java.util.List;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A Harbour Chronicle post: no JSON-LD, only Open Graph, {@code meta name=author}, a byline and a
 * {@code <time datetime>}; a share bar, a "Never miss a story" newsletter box and an "ALSO READ" line inside
 * the content, members teasers, related posts, and a comment section.
 */
final class HarbourArticlePage {
    private static final Publication P = Publication.HARBOUR;
    private final ArticleCatalog catalog;
    private final SiteLinks links;
    private final HarbourLayout layout;

    HarbourArticlePage(ArticleCatalog catalog, SiteLinks links, HarbourLayout layout) {
        this.catalog = catalog;
        this.links = links;
        this.layout = layout;
    }

    String render(DemoArticle a) {
        String path = P.articlePath(a);
        String bodyClass = "post-template-default single single-post postid-" + (1200 + a.number())
                + " single-format-standard";
        return layout.head(a.title() + " – Harbour Chronicle", a.description(), path, meta(a))
                + layout.bodyStart(bodyClass)
                + "<article id=\"post-" + (1200 + a.number()) + "\" class=\"post type-post status-publish hentry category-"
                + a.sectionSlug() + "\">\n" + header(a) + thumbnail(a) + shareBar(a) + content(a) + tags(a)
                + "</article>\n" + relatedPosts(a) + HarbourComments.render(a, links.url(P, "/members/login/"))
                + layout.bodyEnd();
    }

    private String meta(DemoArticle a) {
        return "<meta name=\"author\" content=\"" + Html.esc(String.join(", ", a.authors())) + "\">\n"
                + "<meta property=\"og:type\" content=\"article\">\n"
                + "<meta property=\"og:title\" content=\"" + Html.esc(a.title()) + "\">\n"
                + "<meta property=\"og:description\" content=\"" + Html.esc(a.description()) + "\">\n"
                + "<meta property=\"og:url\" content=\"" + links.articleUrl(a) + "\">\n"
                + "<meta property=\"og:image\" content=\"" + imageUrl(a) + "\">\n"
                + "<meta property=\"article:published_time\" content=\"" + a.published().replace("Z", "+00:00") + "\">\n"
                + "<meta property=\"article:section\" content=\"" + Html.esc(a.section()) + "\">\n";
    }

    private String header(DemoArticle a) {
        String category = a.membersOnly() ? Html.esc(a.section())
                : "<a href=\"" + layout.categoryUrl(a.section()) + "\" rel=\"category tag\">" + Html.esc(a.section()) + "</a>";
        return "<header class=\"entry-header\"><span class=\"cat-links\">" + category + "</span>\n"
                + "<h1 class=\"entry-title\">" + Html.esc(a.title()) + "</h1>\n"
                + "<div class=\"entry-meta\"><span class=\"byline\">By <span class=\"author vcard\">"
                + Html.esc(String.join(" and ", a.authors())) + "</span></span> <span class=\"posted-on\">"
                + "<time class=\"entry-date published\" datetime=\"" + a.published().replace("Z", "+00:00") + "\">"
                + Html.date(a.published(), "MMMM d, yyyy") + "</time></span> <a class=\"comments-link\" href=\""
                + links.articleUrl(a) + "#comments\">" + HarbourComments.count(a) + " Comments</a></div>\n</header>\n";
    }

    private String thumbnail(DemoArticle a) {
        return "<div class=\"post-thumbnail\"><img width=\"1024\" height=\"576\" src=\"" + imageUrl(a)
                + "\" class=\"attachment-post-thumbnail wp-post-image\" alt=\"" + Html.esc(a.caption()) + "\">"
                + "<p class=\"wp-caption-text\">" + Html.esc(a.caption()) + " (Photo: " + Html.esc(a.credit())
                + ")</p></div>\n";
    }

    /** Share links point at reserved {@code .example} hosts so nothing can leave loopback. */
    private String shareBar(DemoArticle a) {
        String u = URLEncoder.encode(links.articleUrl(a), StandardCharsets.UTF_8);
        return "<div class=\"sharedaddy sd-sharing-enabled\"><h3 class=\"sd-title\">Share this:</h3><ul>"
                + "<li><a class=\"share-facebook\" href=\"https://facebook.example/sharer.php?u=" + u + "\">Facebook</a></li>"
                + "<li><a class=\"share-x\" href=\"https://x.example/intent/tweet?url=" + u + "\">X</a></li>"
                + "<li><a class=\"share-whatsapp\" href=\"https://whatsapp.example/send?text=" + u + "\">WhatsApp</a></li>"
                + "<li><a class=\"share-email\" href=\"mailto:?subject=Harbour%20Chronicle&amp;body=" + u + "\">Email</a></li>"
                + "<li><a class=\"share-print\" href=\"javascript:window.print()\">Print</a></li></ul></div>\n";
    }

    private String content(DemoArticle a) {
        StringBuilder c = new StringBuilder("<div class=\"entry-content\">\n");
        List<String> paras = a.paragraphs();
        for (int i = 0; i < paras.size(); i++) {
            c.append("<p>").append(Html.esc(paras.get(i))).append("</p>\n");
            if (i == 1) {
                c.append(newsletter());
            }
            if (i == 2 && !a.related().isEmpty()) {
                c.append("<p class=\"also-read\"><strong>ALSO READ:</strong> ")
                        .append(layout.link(catalog.get(a.related().get(0)))).append("</p>\n");
            }
        }
        if (!a.membersOnly() && a.number() % 3 == 0) {
            DemoArticle m = catalog.membersOnly(P).get(a.number() % catalog.membersOnly(P).size());
            c.append("<div class=\"members-teaser\"><p>Members get more: ").append(layout.link(m)).append("</p></div>\n");
        }
        return c.append("</div>\n").toString();
    }

    private String newsletter() {
        return "<div class=\"hc-newsletter\"><h3>Never miss a story</h3><p>Get the Harbour Chronicle's top stories"
                + " delivered to your inbox every morning, free.</p><form action=\"/newsletter/subscribe\" method=\"post\">"
                + "<input type=\"email\" name=\"email\" placeholder=\"Your email address\"><button>Sign up</button>"
                + "</form></div>\n";
    }

    private String tags(DemoArticle a) {
        StringBuilder t = new StringBuilder("<footer class=\"entry-footer\"><span class=\"tags-links\">Tagged ");
        for (int i = 0; i < a.tags().size(); i++) {
            t.append(i > 0 ? ", " : "").append(layout.tag(a.tags().get(i)));
        }
        return t.append("</span></footer>\n").toString();
    }

    private String relatedPosts(DemoArticle a) {
        if (a.related().isEmpty()) {
            return "";
        }
        StringBuilder r = new StringBuilder("<div id=\"jp-relatedposts\" class=\"jp-relatedposts\"><h3 class=\"jp-relatedposts-headline\">"
                + "<em>Related</em></h3>\n");
        a.related().forEach(id -> r.append("<div class=\"jp-relatedposts-post\">")
                .append(layout.link(catalog.get(id))).append("</div>\n"));
        return r.append("</div>\n").toString();
    }

    private String imageUrl(DemoArticle a) {
        return links.url(P, "/wp-content/uploads/" + a.date().substring(0, 7).replace('-', '/') + "/" + a.slug()
                + "-1024x576.jpg");
    }
}
