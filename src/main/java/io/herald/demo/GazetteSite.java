package io.herald.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders every page of the Northern Gazette (127.0.0.4). Its robots.txt asks for a one-second Crawl-delay,
 * so the site is kept small: two front pages (paginated), one section, one tag, about, and the stories.
 */
final class GazetteSite {
    static final String ROBOTS = """
            User-agent: *
            Crawl-delay: 1
            Disallow: /search/
            Disallow: /api/
            """;
    static final int PER_PAGE = 10;
    private static final Publication P = Publication.GAZETTE;
    private final ArticleCatalog catalog;
    private final SiteLinks links;
    private final GazetteLayout layout;

    GazetteSite(ArticleCatalog catalog, SiteLinks links) {
        this.catalog = catalog;
        this.links = links;
        this.layout = new GazetteLayout(catalog, links);
    }

    HostPages render() {
        Map<String, String> pages = new LinkedHashMap<>();
        List<DemoArticle> articles = catalog.published(P);
        int pageCount = (articles.size() + PER_PAGE - 1) / PER_PAGE;
        for (int n = 1; n <= pageCount; n++) {
            String path = n == 1 ? "/" : "/page/" + n + "/";
            pages.put(path, front(path, n, pageCount, articles));
        }
        String section = GazetteLayout.SECTION_PAGE;
        pages.put("/section/" + Publication.slugOf(section) + "/", list("/section/" + Publication.slugOf(section) + "/",
                section, articles.stream().filter(a -> a.section().equals(section)).toList()));
        String tag = GazetteLayout.TAG_PAGE;
        pages.put("/tag/" + tag + "/", list("/tag/" + tag + "/", "Topic: " + tag,
                articles.stream().filter(a -> a.tags().contains(tag)).toList()));
        pages.put("/about/", page("/about/", "About the Northern Gazette", "<div class=\"ng-static\">"
                + "<h1>About the Northern Gazette</h1><p>The Northern Gazette covers the towns, dales and coast of"
                + " Northmere. We are owned by a charitable trust and funded by readers.</p><p>Our newsroom is in"
                + " Kirkby. Story ideas and corrections are always welcome.</p></div>\n"));
        GazetteArticlePage articlePage = new GazetteArticlePage(catalog, links, layout);
        articles.forEach(a -> pages.put(P.articlePath(a), articlePage.render(a)));
        return new HostPages(ROBOTS, pages, page("/404", "Page not found",
                "<div class=\"ng-static\"><h1>Sorry, we couldn't find that page</h1><p>Try the <a href=\"/\">home page</a>.</p></div>\n"));
    }

    private String front(String path, int n, int pageCount, List<DemoArticle> articles) {
        StringBuilder b = new StringBuilder("<section class=\"ng-stream\"><h1 class=\"ng-visually-hidden\">Latest</h1>\n");
        articles.subList((n - 1) * PER_PAGE, Math.min(n * PER_PAGE, articles.size())).forEach(a -> b.append(layout.card(a)));
        b.append("</section>\n<nav class=\"ng-pagination\">");
        if (n > 1) {
            b.append("<a rel=\"prev\" href=\"").append(n == 2 ? "/" : "/page/" + (n - 1) + "/").append("\">Newer stories</a>");
        }
        if (n < pageCount) {
            b.append("<a rel=\"next\" href=\"/page/").append(n + 1).append("/\">Older stories</a>");
        }
        b.append("</nav>\n");
        if (n == 1) {
            b.append(elsewhere());
        }
        return page(path, n == 1 ? "Northern Gazette – news for Northmere" : "Latest stories, page " + n, b.toString());
    }

    /** Stories from the other two publications, linked absolutely. */
    private String elsewhere() {
        StringBuilder b = new StringBuilder("<section class=\"ng-elsewhere\"><h2>Elsewhere</h2>\n");
        catalog.published(Publication.MERIDIAN).stream().skip(3).limit(3).forEach(a -> b.append(layout.card(a)));
        catalog.published(Publication.HARBOUR).stream().skip(3).limit(2).forEach(a -> b.append(layout.card(a)));
        return b.append("</section>\n").toString();
    }

    private String list(String path, String heading, List<DemoArticle> articles) {
        StringBuilder b = new StringBuilder("<h1 class=\"ng-list__title\">").append(Html.esc(heading)).append("</h1>\n");
        articles.forEach(a -> b.append(layout.card(a)));
        return page(path, heading, b.toString());
    }

    private String page(String path, String title, String main) {
        String meta = "<meta property=\"og:type\" content=\"website\">\n<meta property=\"og:site_name\" content=\"Northern Gazette\">\n";
        String fullTitle = title.contains("Northern Gazette") ? title : title + " | Northern Gazette";
        return layout.head(fullTitle, "News for Northmere", path, meta) + layout.bodyStart() + main
                + layout.bodyEnd("{\"page\":\"" + path + "\",\"user\":{\"loggedIn\":false}}");
    }
}
