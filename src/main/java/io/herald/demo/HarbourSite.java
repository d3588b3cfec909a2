package io.herald.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Renders every page of the Harbour Chronicle (127.0.0.3). Its members area is disallowed by robots.txt
 * although it is linked from every page and its stories are real article pages.
 */
final class HarbourSite {
    static final String ROBOTS = """
            # Harbour Chronicle
            User-agent: GPTBot
            Disallow: /

            User-agent: *
            Disallow: /members/
            Disallow: /wp-admin/
            Allow: /wp-admin/admin-ajax.php
            """;
    private static final Publication P = Publication.HARBOUR;
    private final ArticleCatalog catalog;
    private final SiteLinks links;
    private final HarbourLayout layout;

    HarbourSite(ArticleCatalog catalog, SiteLinks links) {
        this.catalog = catalog;
        this.links = links;
        this.layout = new HarbourLayout(catalog, links);
    }

    HostPages render() {
        Map<String, String> pages = new LinkedHashMap<>();
        List<DemoArticle> articles = catalog.published(P);
        pages.put("/", front(articles));
        for (String c : HarbourLayout.CATEGORIES) {
            archive(pages, "/category/" + Publication.slugOf(c) + "/", c, a -> a.section().equals(c));
        }
        for (String t : HarbourLayout.TAG_PAGES) {
            archive(pages, "/tag/" + t + "/", "Tag: " + t, a -> a.tags().contains(t));
        }
        pages.put("/about-us/", page("/about-us/", "About us", "page-template-default page", about()));
        pages.put("/members/", page("/members/", "Members", "page", "<h1 class=\"entry-title\">Members</h1>"
                + "<p>Support local journalism and read our members-only investigations.</p>"));
        pages.put("/members/login/", page("/members/login/", "Log in", "page", "<h1 class=\"entry-title\">Log in</h1>"
                + "<form method=\"post\"><input name=\"log\"><input type=\"password\" name=\"pwd\"></form>"));
        HarbourArticlePage articlePage = new HarbourArticlePage(catalog, links, layout);
        catalog.of(P).forEach(a -> pages.put(P.articlePath(a), articlePage.render(a)));
        return new HostPages(ROBOTS, pages, page("/404", "Page not found", "error404",
                "<h1 class=\"page-title\">Oops! That page can&rsquo;t be found.</h1><p>It looks like nothing was"
                        + " found at this location. Maybe try a search?</p>"));
    }

    private String front(List<DemoArticle> articles) {
        StringBuilder b = new StringBuilder("<section class=\"hero\">").append(layout.card(articles.get(0)))
                .append("</section>\n<section class=\"latest\"><h2 class=\"section-title\">Latest news</h2>\n");
        articles.subList(1, articles.size()).forEach(a -> b.append(layout.card(a)));
        b.append("</section>\n<section class=\"from-the-wire\"><h2 class=\"section-title\">From the Meridian Wire</h2><ul>");
        catalog.published(Publication.MERIDIAN).stream().limit(4)
                .forEach(a -> b.append("<li>").append(layout.link(a)).append("</li>"));
        b.append("</ul></section>\n<section class=\"members-box\"><h2 class=\"section-title\">Members exclusives</h2>");
        catalog.membersOnly(P).forEach(a -> b.append(layout.card(a)));
        return page("/", "Harbour Chronicle – News for Calder Harbour and the coast", "home blog",
                b.append("</section>\n").toString());
    }

    private void archive(Map<String, String> pages, String path, String title, Predicate<DemoArticle> filter) {
        StringBuilder b = new StringBuilder("<header class=\"page-header\"><h1 class=\"page-title\">")
                .append(Html.esc(title)).append("</h1></header>\n");
        catalog.published(P).stream().filter(filter).forEach(a -> b.append(layout.card(a)));
        pages.put(path, page(path, title + " Archives", "archive category", b.toString()));
    }

    private static String about() {
        return "<h1 class=\"entry-title\">About us</h1>\n<div class=\"entry-content\">"
                + "<p>The Harbour Chronicle has reported on Calder Harbour and the surrounding coast since 1884,"
                + " first as a weekly broadsheet and now online every day.</p>"
                + "<p>We are an independent newsroom of nine journalists. Members' subscriptions pay for our"
                + " investigations; everything else on the site is free to read.</p>"
                + "<p id=\"contact\">Contact the newsdesk at 4 Quay Street, Calder Harbour.</p></div>\n";
    }

    private String page(String path, String title, String bodyClass, String main) {
        String meta = "<meta property=\"og:type\" content=\"website\">\n<meta property=\"og:title\" content=\""
                + Html.esc(title) + "\">\n";
        String fullTitle = title.contains("Harbour Chronicle") ? title : title + " – Harbour Chronicle";
        return layout.head(fullTitle, "Local news for Calder Harbour", path, meta) + layout.bodyStart(bodyClass)
                + main + layout.bodyEnd();
    }
}
