package io.herald.demo;

import java.util.List;
import java.util.Set;

/**
 * Page chrome of the Harbour Chronicle, a WordPress-style local paper: cookie banner, masthead, category
 * menu, a "Most popular" and a "Members only" sidebar on every page, and a footer.
 */
final class HarbourLayout {
    static final List<String> CATEGORIES =
            List.of("News", "Council", "Business", "Transport", "Weather", "Community", "Culture", "Sport");
    static final Set<String> TAG_PAGES = Set.of("harbour-rovers", "housing");
    private static final List<String> POPULAR = List.of("h08", "h02", "h09", "h01", "h16");
    private static final Publication P = Publication.HARBOUR;
    private final ArticleCatalog catalog;
    private final SiteLinks links;

    HarbourLayout(ArticleCatalog catalog, SiteLinks links) {
        this.catalog = catalog;
        this.links = links;
    }

    String head(String title, String description, String path, String extraMeta) {
        return "<!doctype html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"UTF-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + Html.esc(title) + "</title>\n"
                + "<meta name=\"description\" content=\"" + Html.esc(description) + "\">\n"
                + "<link rel=\"canonical\" href=\"" + links.url(P, path) + "\">\n"
                + "<meta property=\"og:locale\" content=\"en_GB\">\n"
                + "<meta property=\"og:site_name\" content=\"Harbour Chronicle\">\n" + extraMeta
                + "<link rel='stylesheet' id='harbour-style-css' href='" + links.url(P, "/wp-content/themes/harbour/style.css")
                + "?ver=6.4.3' media='all' />\n"
                + "<script>var hcAjax = {\"url\":\"\\/wp-admin\\/admin-ajax.php\",\"nonce\":\"8f3a1c\"};</script>\n"
                + "<meta name=\"generator\" content=\"WordPress 6.4.3\">\n</head>\n";
    }

    String bodyStart(String bodyClass) {
        StringBuilder menu = new StringBuilder();
        for (String c : CATEGORIES) {
            menu.append("<li class=\"menu-item menu-item-type-taxonomy\"><a href=\"").append(categoryUrl(c))
                    .append("\">").append(c).append("</a></li>");
        }
        return "<body class=\"" + bodyClass + "\">\n"
                + "<div id=\"cookie-notice\" class=\"cn-banner\" role=\"dialog\"><p>We use cookies to give you the"
                + " best experience on our website. By continuing to browse you agree to our use of cookies.</p>"
                + "<button id=\"cn-accept-cookie\">Accept</button> <button id=\"cn-more\">Settings</button></div>\n"
                + "<div id=\"page\" class=\"site\">\n<header id=\"masthead\" class=\"site-header\">"
                + "<p class=\"site-title\"><a href=\"" + links.base(P) + "\" rel=\"home\">Harbour Chronicle</a></p>"
                + "<p class=\"site-description\">News for Calder Harbour and the coast since 1884</p>\n"
                + "<nav id=\"site-navigation\" class=\"main-navigation\"><ul id=\"primary-menu\" class=\"menu\">"
                + menu + "</ul></nav></header>\n<div id=\"content\" class=\"site-content\">\n"
                + "<div id=\"primary\" class=\"content-area\"><main id=\"main\" class=\"site-main\">\n";
    }

    String bodyEnd() {
        return "</main></div>\n" + sidebar() + "</div>\n<footer id=\"colophon\" class=\"site-footer\">"
                + "<div class=\"site-info\">© 2025 Harbour Chronicle Ltd, 4 Quay Street, Calder Harbour. "
                + "<a href=\"" + links.url(P, "/about-us/") + "\">About us</a> | "
                + "<a href=\"" + links.url(P, "/about-us/") + "#contact\">Contact</a> | "
                + "<a href=\"" + links.url(P, "/members/") + "\">Become a member</a></div></footer>\n"
                + "</div>\n<script src=\"" + links.url(P, "/wp-includes/js/wp-embed.min.js") + "?ver=6.4.3\"></script>\n"
                + "</body>\n</html>\n";
    }

    private String sidebar() {
        StringBuilder s = new StringBuilder("<aside id=\"secondary\" class=\"widget-area\">\n"
                + "<section class=\"widget widget_popular_posts\"><h2 class=\"widget-title\">Most popular</h2><ol>");
        POPULAR.forEach(id -> s.append("<li>").append(link(catalog.get(id))).append("</li>"));
        s.append("</ol></section>\n<section class=\"widget widget_members\"><h2 class=\"widget-title\">"
                + "Members only</h2><ul>");
        catalog.membersOnly(P).forEach(a -> s.append("<li>").append(link(a)).append("</li>"));
        return s.append("</ul><a class=\"members-cta\" href=\"").append(links.url(P, "/members/"))
                .append("\">Join for £4 a month</a></section>\n</aside>\n").toString();
    }

    String categoryUrl(String category) {
        return links.url(P, "/category/" + Publication.slugOf(category) + "/");
    }

    String tag(String tag) {
        if (!TAG_PAGES.contains(tag)) {
            return Html.esc(tag);
        }
        return "<a href=\"" + links.url(P, "/tag/" + tag + "/") + "\" rel=\"tag\">" + Html.esc(tag) + "</a>";
    }

    String link(DemoArticle a) {
        return "<a href=\"" + links.articleUrl(a) + "\">" + Html.esc(a.title()) + "</a>";
    }

    /** A post card in an archive list, with the comment count link WordPress themes print. */
    String card(DemoArticle a) {
        return "<article class=\"post type-post category-" + a.sectionSlug() + "\"><header class=\"entry-header\">"
                + "<h2 class=\"entry-title\">" + link(a) + "</h2><div class=\"entry-meta\"><time class=\"entry-date\""
                + " datetime=\"" + a.published() + "\">" + Html.date(a.published(), "MMMM d, yyyy") + "</time> "
                + "<a class=\"comments-link\" href=\"" + links.articleUrl(a) + "#comments\">"
                + HarbourComments.count(a) + " Comments</a></div></header>"
                + "<div class=\"entry-summary\"><p>" + Html.esc(a.description()) + "</p></div></article>\n";
    }
}
