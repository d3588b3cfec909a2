package io.herald.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders every page of The Meridian Wire (127.0.0.2): front, sections, tags, about, articles, print. */
final class MeridianSite {
    static final List<String> SECTIONS = List.of("World", "Politics", "Business", "Science", "Sport", "Culture");
    static final String ROBOTS = """
            # The Meridian Wire
            User-agent: *
            Disallow: /print/
            Disallow: /search
            """;
    private static final Publication P = Publication.MERIDIAN;
    private final ArticleCatalog catalog;
    private final SiteLinks links;
    private final MeridianLayout layout;

    MeridianSite(ArticleCatalog catalog, SiteLinks links) {
        this.catalog = catalog;
        this.links = links;
        this.layout = new MeridianLayout(catalog, links);
    }

    HostPages render() {
        Map<String, String> pages = new LinkedHashMap<>();
        List<DemoArticle> articles = catalog.published(P);
        pages.put("/", front(articles));
        for (String s : SECTIONS) {
            String path = "/" + Publication.slugOf(s) + "/";
            pages.put(path, list(path, s, articles.stream().filter(a -> a.section().equals(s)).toList()));
        }
        for (String t : MeridianLayout.TAG_PAGES) {
            String path = "/tag/" + Publication.slugOf(t) + "/";
            pages.put(path, list(path, "Tag: " + t, articles.stream().filter(a -> a.tags().contains(t)).toList()));
        }
        pages.put("/about/", about());
        MeridianArticlePage articlePage = new MeridianArticlePage(catalog, links, layout);
        for (DemoArticle a : articles) {
            pages.put(P.articlePath(a), articlePage.render(a));
            pages.put("/print" + P.articlePath(a), print(a));
        }
        return new HostPages(ROBOTS, pages, notFound());
    }

    private String front(List<DemoArticle> articles) {
        DemoArticle lead = articles.get(0);
        StringBuilder b = new StringBuilder("<div class=\"main-lead\"><a class=\"main-lead__title\" href=\"")
                .append(links.articleUrl(lead)).append("\">").append(Html.esc(lead.title())).append("</a>")
                .append("<div class=\"main-lead__announce\">").append(Html.esc(lead.description()))
                .append("</div></div>\n");
        for (String s : SECTIONS) {
            b.append("<section class=\"section-block\"><h2 class=\"section-block__title\"><a href=\"")
                    .append(links.url(P, "/" + Publication.slugOf(s) + "/")).append("\">").append(s).append("</a></h2>\n");
            articles.stream().filter(a -> a.section().equals(s)).forEach(a -> b.append(layout.teaser(a, false)));
            b.append("</section>\n");
        }
        b.append(partners());
        return page("/", "The Meridian Wire - breaking news and analysis", "m-index", b + layout.newsfeed());
    }

    /** Wire customers: links to stories by the two other publications. */
    private String partners() {
        StringBuilder b = new StringBuilder("<section class=\"partners\"><h2>From our partners</h2>\n");
        for (Publication other : List.of(Publication.HARBOUR, Publication.GAZETTE)) {
            catalog.published(other).stream().limit(3).forEach(a -> b.append("<div class=\"partners__item\"><a href=\"")
                    .append(links.articleUrl(a)).append("\">").append(Html.esc(a.title()))
                    .append("</a> <span class=\"partners__source\">").append(other.siteName()).append("</span></div>\n"));
        }
        return b.append("</section>\n").toString();
    }

    private String list(String path, String heading, List<DemoArticle> articles) {
        StringBuilder b = new StringBuilder("<h1 class=\"list__header\">").append(Html.esc(heading)).append("</h1>\n")
                .append("<div class=\"list\">\n");
        articles.forEach(a -> b.append(layout.teaser(a, true)));
        b.append("</div>\n");
        return page(path, heading + " - The Meridian Wire", "m-list", b + layout.newsfeed());
    }

    private String about() {
        String body = "<div class=\"static\"><h1>About The Meridian Wire</h1>\n"
                + "<p>The Meridian Wire is an international news agency with correspondents in more than forty"
                + " cities. Our reports are carried by newspapers, broadcasters and websites around the world.</p>\n"
                + "<p>Subscribers receive our full wire service, photo desk and live alerts. To subscribe or"
                + " license our content, please contact our sales team.</p>\n"
                + "<p>Editorial standards: corrections are published on the story page and noted at its end.</p></div>\n";
        return page("/about/", "About us - The Meridian Wire", "m-static", body);
    }

    /** Printer-friendly copy of an article. Disallowed by robots.txt, so a crawler must never fetch it. */
    private String print(DemoArticle a) {
        StringBuilder b = new StringBuilder("<h1>").append(Html.esc(a.title())).append("</h1>\n");
        a.paragraphs().forEach(p -> b.append("<p>").append(Html.esc(p)).append("</p>\n"));
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + Html.esc(a.title())
                + " (print)</title><meta name=\"robots\" content=\"noindex\"></head><body class=\"print\">\n"
                + b + "</body></html>\n";
    }

    private String notFound() {
        return page("/404", "Page not found - The Meridian Wire", "m-404",
                "<div class=\"static\"><h1>404</h1><p>The page you requested does not exist.</p></div>\n");
    }

    private String page(String path, String title, String bodyClass, String main) {
        String meta = "<meta property=\"og:type\" content=\"website\">\n<meta property=\"og:site_name\" content=\""
                + P.siteName() + "\">\n";
        return layout.head(title, "International news agency", links.url(P, path), meta, null)
                + layout.bodyStart(bodyClass) + main + layout.bodyEnd();
    }
}
