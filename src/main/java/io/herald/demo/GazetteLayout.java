package io.herald.demo;

import java.util.List;

/**
 * Page chrome of the Northern Gazette, a modern regional site: app-shell markup with {@code ng-} classes,
 * root-relative links within the site, and a serialized app state script at the end of each page.
 */
final class GazetteLayout {
    /** The only section with its own page; other kickers are plain text (keeps this slow host small). */
    static final String SECTION_PAGE = "Science";
    static final String TAG_PAGE = "wildlife";
    private static final Publication P = Publication.GAZETTE;
    private final ArticleCatalog catalog;
    private final SiteLinks links;

    GazetteLayout(ArticleCatalog catalog, SiteLinks links) {
        this.catalog = catalog;
        this.links = links;
    }

    String head(String title, String description, String path, String extraMeta) {
        return "<!DOCTYPE html><html lang=\"en-GB\" class=\"no-js\"><head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\n"
                + "<title>" + Html.esc(title) + "</title>\n"
                + "<meta name=\"description\" content=\"" + Html.esc(description) + "\">\n"
                + "<link rel=\"canonical\" href=\"" + links.url(P, path) + "\">\n" + extraMeta
                + "<link rel=\"preload\" as=\"style\" href=\"/static/css/app.4f9c2.css\">\n</head>\n";
    }

    String bodyStart() {
        return "<body>\n<div id=\"__app\" data-reactroot=\"\">\n<div class=\"ng-topbar\"><a class=\"ng-logo\" href=\"/\">"
                + "Northern Gazette</a><nav class=\"ng-nav\"><a href=\"/\">Home</a><a href=\"/section/science/\">Science</a>"
                + "<a href=\"/about/\">About</a></nav><button class=\"ng-nav__toggle\" aria-label=\"Menu\">☰</button></div>\n"
                + "<main class=\"ng-main\">\n";
    }

    String bodyEnd(String stateJson) {
        return "</main>\n<footer class=\"ng-footer\"><p>© Northern Gazette Media 2025. Registered in Northmere.</p>"
                + "<a href=\"/about/\">About the Gazette</a></footer>\n</div>\n"
                + "<script>window.__NG_STATE__ = " + stateJson.replace("</", "<\\/") + ";</script>\n"
                + "<script src=\"/static/js/app.4f9c2.js\" defer></script>\n</body></html>\n";
    }

    /** Same-site links are root-relative, other publications absolute. */
    String href(DemoArticle a) {
        return a.publication() == P ? P.articlePath(a) : links.articleUrl(a);
    }

    String kicker(String section) {
        return SECTION_PAGE.equals(section)
                ? "<a class=\"ng-kicker\" href=\"/section/" + Publication.slugOf(section) + "/\">" + section + "</a>"
                : "<span class=\"ng-kicker\">" + Html.esc(section) + "</span>";
    }

    String tag(String tag) {
        return TAG_PAGE.equals(tag) ? "<a class=\"ng-tag\" href=\"/tag/" + tag + "/\">" + tag + "</a>"
                : "<span class=\"ng-tag\">" + Html.esc(tag) + "</span>";
    }

    String card(DemoArticle a) {
        return "<div class=\"ng-card\">" + kicker(a.section()) + "<h3 class=\"ng-card__title\"><a href=\"" + href(a)
                + "\">" + Html.esc(a.title()) + "</a></h3><p class=\"ng-card__standfirst\">" + Html.esc(a.description())
                + "</p><time datetime=\"" + a.published() + "\">" + Html.date(a.published(), "d MMM yyyy") + "</time></div>\n";
    }

    /** "Trending" rail: a fixed handful of Gazette stories. */
    String trending() {
        StringBuilder s = new StringBuilder("<aside class=\"ng-rail\"><h3 class=\"ng-rail__title\">Trending</h3><ol>");
        for (String id : List.of("n12", "n08", "n01", "n06", "n17")) {
            DemoArticle a = catalog.get(id);
            s.append("<li><a href=\"").append(href(a)).append("\">").append(Html.esc(a.title())).append("</a></li>");
        }
        return s.append("</ol></aside>\n").toString();
    }
}
