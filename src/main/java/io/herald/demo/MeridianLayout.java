package io.herald.demo;

import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Set;

/** Page chrome of The Meridian Wire: head, masthead with section menu, newsfeed rail, footer. */
final class MeridianLayout {
    /** Tags that have a page; other tags are shown as plain text, as many CMSs do for minor tags. */
    static final Set<String> TAG_PAGES = Set.of("Calvenia", "Research");
    private static final Publication P = Publication.MERIDIAN;
    private final ArticleCatalog catalog;
    private final SiteLinks links;

    MeridianLayout(ArticleCatalog catalog, SiteLinks links) {
        this.catalog = catalog;
        this.links = links;
    }

    String head(String title, String description, String canonical, String extraMeta, JsonObject jsonLd) {
        return "<!DOCTYPE html>\n<html lang=\"en\" prefix=\"og: http://ogp.me/ns#\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + Html.esc(title) + "</title>\n"
                + "<meta name=\"description\" content=\"" + Html.esc(description) + "\">\n"
                + "<link rel=\"canonical\" href=\"" + canonical + "\">\n" + extraMeta
                + "<link rel=\"stylesheet\" href=\"" + links.url(P, "/css/wire.min.css") + "\">\n"
                + (jsonLd == null ? "" : "<script type=\"application/ld+json\">" + Html.scriptJson(jsonLd)
                        + "</script>\n")
                + "<script>window.wireConfig = {\"ads\": true, \"region\": \"intl\"};</script>\n</head>\n";
    }

    String bodyStart(String bodyClass) {
        StringBuilder nav = new StringBuilder();
        for (String s : MeridianSite.SECTIONS) {
            nav.append("<li class=\"nav__item\"><a class=\"nav__link\" href=\"")
                    .append(links.url(P, "/" + Publication.slugOf(s) + "/")).append("\">").append(s).append("</a></li>");
        }
        return "<body class=\"body " + bodyClass + "\">\n<div class=\"page\">\n<header class=\"header\">"
                + "<a class=\"header__logo\" href=\"" + links.base(P) + "\">The Meridian Wire</a>"
                + "<div class=\"header__tagline\">Get the latest news from around the world, live coverage,"
                + " off-beat stories, features and analysis.</div>\n"
                + "<nav class=\"nav\"><ul class=\"nav__list\">" + nav + "</ul></nav>\n"
                + "<form class=\"header__search\" action=\"/search\"><input name=\"q\" placeholder=\"Search\"></form>"
                + "</header>\n<div class=\"page__main\">\n";
    }

    String bodyEnd() {
        return "</div>\n<footer class=\"footer\"><div class=\"footer__menu\"><a href=\"" + links.url(P, "/about/")
                + "\">About us</a> <a href=\"" + links.url(P, "/about/") + "\">Contacts</a></div>"
                + "<div class=\"footer__copy\">© 2025 The Meridian Wire. All rights reserved. 18+</div></footer>\n"
                + "</div>\n</body>\n</html>\n";
    }

    /** The "Newsfeed" rail: the six most recent wire stories. */
    String newsfeed() {
        StringBuilder s = new StringBuilder("<aside class=\"layout-article__aside\"><div class=\"newsfeed\">"
                + "<div class=\"newsfeed__title\">Newsfeed</div><ul class=\"newsfeed__list\">");
        List<DemoArticle> latest = catalog.published(P);
        for (DemoArticle a : latest.subList(0, Math.min(6, latest.size()))) {
            s.append("<li class=\"newsfeed__item\"><span class=\"newsfeed__time\">")
                    .append(Html.date(a.published(), "HH:mm")).append("</span><a href=\"")
                    .append(links.articleUrl(a)).append("\">").append(Html.esc(a.title())).append("</a></li>");
        }
        return s.append("</ul></div></aside>\n").toString();
    }

    String tag(String tag) {
        if (!TAG_PAGES.contains(tag)) {
            return "<span class=\"tag__text\">" + Html.esc(tag) + "</span>";
        }
        return "<a class=\"tag__text\" href=\"" + links.url(P, "/tag/" + Publication.slugOf(tag) + "/") + "\">"
                + Html.esc(tag) + "</a>";
    }

    /** A teaser in a list: headline link, time, optional lead text. */
    String teaser(DemoArticle a, boolean withLead) {
        return "<div class=\"list__item\"><a class=\"list__title\" href=\"" + links.articleUrl(a) + "\">"
                + Html.esc(a.title()) + "</a><span class=\"list__date\">"
                + Html.date(a.published(), "HH:mm dd.MM.yyyy") + "</span>"
                + (withLead ? "<div class=\"list__announce\">" + Html.esc(a.description()) + "</div>" : "")
                + "</div>\n";
    }
}
