package io.herald.bench;

import java.util.List;
import java.util.Locale;

/**
 * The markup of the nginx-served bench web ({@link NewsWeb}): front pages, section listings and articles of
 * 40 to 80 KB each, built the way news sites build them: metadata and JSON-LD in the head, a mega-menu,
 * figures with captions and credits, inline related-story blocks (some linking other hosts), comments, a
 * footer, and an inline application-state script that makes up most of the weight on many real sites.
 * Every link points at a page that exists or at a path the host's robots.txt disallows.
 */
final class NewsPages {
    static final int MIN_SIZE = 40 * 1024;
    static final int MAX_SIZE = 80 * 1024;
    private static final String CSS = ".site-header{display:flex;align-items:center;gap:1rem}"
            + ".mega-menu ul{list-style:none;margin:0;padding:0}.teaser h3{font-size:1.1rem;margin:.2rem 0}"
            + ".story__body p{line-height:1.6;margin:0 0 1rem}.media figcaption{font-size:.85rem;color:#555}"
            + ".related-inline{border-left:3px solid #c00;padding-left:1rem}.comment{border-top:1px solid #eee}\n";

    private final NewsWeb web;

    NewsPages(NewsWeb web) {
        this.web = web;
    }

    String front(int host) {
        String title = "The " + Prose.words(2, host, 1) + " Gazette";
        StringBuilder html = head(host, title, "Latest news from " + web.address(host), web.origin(host) + "/",
                "website", "");
        header(html, host);
        html.append("<main id=\"main\" class=\"front\"><h1 class=\"visually-hidden\">").append(title).append("</h1>");
        int n = web.articlesOf(host);
        html.append("<section class=\"top-stories\"><h2>Top stories</h2>");
        for (int a = n - 1; a >= Math.max(0, n - 24); a--) {
            teaser(html, host, a, a > n - 4);
        }
        html.append("</section>");
        for (int s = 0; s < NewsWeb.SECTIONS.size(); s++) {
            html.append("<section class=\"section-block\"><h2><a href=\"").append(NewsWeb.listingPath(s, 1))
                    .append("\">").append(label(s)).append("</a></h2>");
            for (int p = 0; p < Math.min(5, web.sectionSize(host, s)); p++) {
                teaser(html, host, web.sectionArticle(host, s, p), false);
            }
            html.append("</section>");
        }
        html.append("<section class=\"partners\"><h2>From our partner sites</h2><ul>");
        for (int k = 1; k <= 3; k++) {
            int other = (host + k * 7) % web.hosts();
            html.append("<li><a href=\"").append(web.origin(other)).append("/\">").append(web.address(other))
                    .append("</a></li>");
        }
        html.append("</ul></section></main>");
        return finish(html, host, sizeOf(host, -1, 0));
    }

    String listing(int host, int section, int page) {
        int pages = web.listingPages(host, section);
        String title = label(section) + (page > 1 ? " – page " + page : "");
        StringBuilder html = head(host, title, label(section) + " news and analysis",
                web.origin(host) + NewsWeb.listingPath(section, page), "website", "");
        header(html, host);
        html.append("<main id=\"main\" class=\"listing\"><h1>").append(title).append("</h1><div class=\"teasers\">");
        int size = web.sectionSize(host, section);
        for (int p = (page - 1) * NewsWeb.PER_LISTING; p < Math.min(size, page * NewsWeb.PER_LISTING); p++) {
            teaser(html, host, web.sectionArticle(host, section, p), true);
        }
        html.append("</div><nav class=\"pagination\" aria-label=\"pages\">");
        if (page > 1) {
            html.append("<a rel=\"prev\" href=\"").append(NewsWeb.listingPath(section, page - 1)).append("\">Newer</a> ");
        }
        for (int p = 1; p <= pages; p++) {
            html.append("<a href=\"").append(NewsWeb.listingPath(section, p)).append("\">").append(p).append("</a> ");
        }
        if (page < pages) {
            html.append("<a rel=\"next\" href=\"").append(NewsWeb.listingPath(section, page + 1)).append("\">Older</a>");
        }
        html.append("</nav></main>");
        return finish(html, host, sizeOf(host, -2 - section, page));
    }

    String article(int host, int article) {
        String headline = Prose.headline(host, article);
        String standfirst = Prose.sentence(host, article, 2);
        String url = web.origin(host) + web.articlePath(host, article);
        String date = String.format("2025-03-%02dT%02d:%02d:00Z", web.day(host, article),
                Prose.pick(5, 22, host, article, 3), Prose.pick(0, 60, host, article, 4));
        List<String> authors = Prose.pick(0, 4, host, article, 5) == 0
                ? List.of(Prose.name(host, article, 6), Prose.name(host, article, 7)) : List.of(Prose.name(host, article, 6));
        int paragraphs = Prose.pick(14, 31, host, article, 9);
        StringBuilder body = new StringBuilder(16 * 1024);
        int words = articleBody(body, host, article, paragraphs);
        StringBuilder html = head(host, headline, standfirst, url, "article",
                articleHead(host, article, headline, standfirst, url, date, authors, words));
        header(html, host);
        html.append("<main id=\"main\"><nav class=\"breadcrumb\"><a href=\"/\">Home</a> › <a href=\"")
                .append(NewsWeb.listingPath(web.section(article), 1)).append("\">").append(label(web.section(article)))
                .append("</a></nav><article class=\"story\"><header class=\"story__header\"><h1 class=\"story__title\">")
                .append(headline).append("</h1><p class=\"story__standfirst\">").append(standfirst)
                .append("</p><div class=\"byline\">By ");
        for (int i = 0; i < authors.size(); i++) {
            html.append(i > 0 ? " and " : "").append("<span class=\"byline__author\" rel=\"author\">")
                    .append(authors.get(i)).append("</span>");
        }
        html.append(" · <time datetime=\"").append(date).append("\">").append(date, 0, 10).append("</time>")
                .append(" · <a class=\"print\" href=\"/print").append(web.articlePath(host, article))
                .append("\">Print</a></div></header>");
        figure(html, host, article, 0, true);
        html.append("<div class=\"story__body\">").append(body).append("</div>");
        html.append("<ul class=\"tags\">");
        for (int t = 0; t < 4; t++) {
            html.append("<li><span class=\"tag\">").append(Prose.word(host, article, 40 + t)).append("</span></li>");
        }
        html.append("</ul></article>");
        moreInSection(html, host, article);
        comments(html, host, article);
        html.append("</main>");
        return finish(html, host, sizeOf(host, article, 0));
    }

    /** The story's paragraphs with figures and inline related blocks between them; returns the word count. */
    private int articleBody(StringBuilder body, int host, int article, int paragraphs) {
        int words = 0;
        for (int p = 0; p < paragraphs; p++) {
            String text = Prose.paragraph(Prose.pick(3, 7, host, article, 10, p), host, article, 11, p);
            words += text.split(" ").length;
            body.append("<p>").append(text).append("</p>\n");
            if (p == 4 || p == paragraphs / 2 + 3) {
                relatedInline(body, host, article, p);
            }
            if (p % 7 == 6) {
                figure(body, host, article, p, false);
            }
        }
        return words;
    }

    private String articleHead(int host, int article, String headline, String standfirst, String url, String date,
            List<String> authors, int words) {
        StringBuilder h = new StringBuilder(2048);
        String section = label(web.section(article));
        h.append("<meta property=\"article:published_time\" content=\"").append(date).append("\">")
                .append("<meta property=\"article:section\" content=\"").append(section).append("\">")
                .append("<meta name=\"author\" content=\"").append(String.join(", ", authors)).append("\">")
                .append("<meta property=\"og:image\" content=\"").append(image(host, article, 0)).append("\">")
                .append("<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",")
                .append("\"mainEntityOfPage\":{\"@type\":\"WebPage\",\"@id\":\"").append(url).append("\"},")
                .append("\"headline\":\"").append(headline).append("\",\"description\":\"").append(standfirst)
                .append("\",\"image\":[\"").append(image(host, article, 0)).append("\"],\"datePublished\":\"").append(date)
                .append("\",\"dateModified\":\"").append(date).append("\",\"articleSection\":\"").append(section)
                .append("\",\"wordCount\":").append(words).append(",\"author\":[");
        for (int i = 0; i < authors.size(); i++) {
            h.append(i > 0 ? "," : "").append("{\"@type\":\"Person\",\"name\":\"").append(authors.get(i)).append("\"}");
        }
        h.append("],\"publisher\":{\"@type\":\"NewsMediaOrganization\",\"name\":\"").append(web.address(host))
                .append("\",\"logo\":{\"@type\":\"ImageObject\",\"url\":\"").append(web.origin(host))
                .append("/static/logo.png\"}}}</script>")
                .append("<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"BreadcrumbList\",")
                .append("\"itemListElement\":[{\"@type\":\"ListItem\",\"position\":1,\"name\":\"Home\",\"item\":\"")
                .append(web.origin(host)).append("/\"},{\"@type\":\"ListItem\",\"position\":2,\"name\":\"").append(section)
                .append("\",\"item\":\"").append(web.origin(host)).append(NewsWeb.listingPath(web.section(article), 1))
                .append("\"}]}</script>");
        return h.toString();
    }

    private StringBuilder head(int host, String title, String description, String canonical, String ogType,
            String extra) {
        StringBuilder html = new StringBuilder(MAX_SIZE + 4096);
        return html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>").append(title)
                .append(" | ").append(web.address(host)).append("</title><meta name=\"description\" content=\"")
                .append(description).append("\"><link rel=\"canonical\" href=\"").append(canonical).append("\">")
                .append("<meta property=\"og:type\" content=\"").append(ogType).append("\"><meta property=\"og:title\" content=\"")
                .append(title).append("\"><meta property=\"og:url\" content=\"").append(canonical)
                .append("\"><meta property=\"og:site_name\" content=\"").append(web.address(host))
                .append("\"><meta name=\"twitter:card\" content=\"summary_large_image\">").append(extra)
                .append("<link rel=\"stylesheet\" href=\"/static/site.css\"><style>").append(CSS.repeat(6))
                .append("</style></head><body>\n");
    }

    /** Skip link, logo, mega-menu (section links with fragments that normalise to the section page), search. */
    private void header(StringBuilder html, int host) {
        html.append("<a class=\"skip\" href=\"#main\">Skip to content</a><header class=\"site-header\">")
                .append("<a class=\"logo\" href=\"/\"><img src=\"/static/logo.svg\" alt=\"").append(web.address(host))
                .append("\" width=\"180\" height=\"40\"></a><nav class=\"mega-menu\" aria-label=\"sections\"><ul>");
        for (int s = 0; s < NewsWeb.SECTIONS.size(); s++) {
            html.append("<li class=\"mega-menu__item\"><a href=\"").append(NewsWeb.listingPath(s, 1)).append("\">")
                    .append(label(s)).append("</a><ul class=\"mega-menu__sub\">");
            for (int sub = 0; sub < 8; sub++) {
                String topic = Prose.word(s, sub, 77);
                html.append("<li><a href=\"").append(NewsWeb.listingPath(s, 1)).append('#').append(topic).append("\">")
                        .append(topic).append("</a></li>");
            }
            html.append("</ul></li>");
        }
        html.append("</ul></nav><form class=\"search\" action=\"/search/\"><input name=\"q\" type=\"search\">")
                .append("<button>Search</button></form><a class=\"search-link\" href=\"/search/?q=")
                .append(Prose.word(host, 99)).append("\">Search</a><button class=\"subscribe\">Subscribe</button></header>\n");
    }

    private void teaser(StringBuilder html, int host, int article, boolean withImage) {
        html.append("<div class=\"teaser\">");
        if (withImage) {
            html.append("<img src=\"").append(image(host, article, 0)).append("\" alt=\"\" loading=\"lazy\" width=\"320\" height=\"180\">");
        }
        html.append("<h3><a href=\"").append(web.articlePath(host, article)).append("\">")
                .append(Prose.headline(host, article)).append("</a></h3><p class=\"teaser__summary\">")
                .append(Prose.sentence(host, article, 2)).append("</p><span class=\"teaser__meta\">")
                .append(label(web.section(article))).append("</span></div>\n");
    }

    private void figure(StringBuilder html, int host, int article, int n, boolean lead) {
        String img = image(host, article, n);
        html.append("<figure class=\"media").append(lead ? " media--lead" : "").append("\"><picture><source type=\"image/webp\" srcset=\"")
                .append(img).append("?w=800&amp;fm=webp 800w, ").append(img).append("?w=1600&amp;fm=webp 1600w\"><img src=\"")
                .append(img).append("\" alt=\"").append(Prose.words(6, host, article, 20, n))
                .append("\" width=\"1600\" height=\"900\" loading=\"lazy\"></picture><figcaption><span class=\"caption\">")
                .append(Prose.sentence(host, article, 21, n)).append("</span> <span class=\"credit\">Photo: ")
                .append(Prose.name(host, article, 22, n)).append(" / ").append(Prose.agency(host, article, 23, n))
                .append("</span></figcaption></figure>\n");
    }

    /** Three related stories, the third on another host. */
    private void relatedInline(StringBuilder html, int host, int article, int p) {
        html.append("<aside class=\"related-inline\"><h3>Read more</h3><ul>");
        for (int k = 0; k < 3; k++) {
            int other = k == 2 ? Math.floorMod(host + Prose.pick(1, web.hosts(), host, article, p, 30), web.hosts()) : host;
            int target = Prose.pick(0, web.articlesOf(other), host, article, p, 31, k);
            String prefix = other == host ? "" : web.origin(other);
            html.append("<li><a href=\"").append(prefix).append(web.articlePath(other, target)).append("\">")
                    .append(Prose.headline(other, target)).append("</a></li>");
        }
        html.append("</ul></aside>\n");
    }

    private void moreInSection(StringBuilder html, int host, int article) {
        int section = web.section(article);
        html.append("<section class=\"more\"><h2>More in ").append(label(section)).append("</h2>");
        for (int k = 1; k <= 6; k++) {
            int position = Prose.pick(0, web.sectionSize(host, section), host, article, 50, k);
            teaser(html, host, web.sectionArticle(host, section, position), false);
        }
        html.append("</section>\n");
    }

    private void comments(StringBuilder html, int host, int article) {
        int count = Prose.pick(6, 41, host, article, 60);
        html.append("<section class=\"comments\"><h2>").append(count).append(" comments</h2>");
        for (int c = 0; c < count; c++) {
            html.append("<div class=\"comment\" id=\"c").append(c).append("\"><div class=\"comment__author\">")
                    .append(Prose.name(host, article, 61, c).replace(' ', '_').toLowerCase(Locale.ROOT)).append(c)
                    .append("</div><time>2025-03-").append(String.format("%02d", web.day(host, article)))
                    .append("</time><p>").append(Prose.paragraph(Prose.pick(1, 4, host, article, 62, c), host, article, 63, c))
                    .append("</p>");
            if (web.disallowsComments(host)) {
                html.append("<a class=\"reply\" href=\"/comments/").append(article).append('-').append(c)
                        .append("/reply\">Reply</a>");
            } else {
                html.append("<button class=\"reply\">Reply</button>");
            }
            html.append("</div>\n");
        }
        html.append("</section>\n");
    }

    /**
     * Footer, then the inline state script that fills the page up to its size (40-80 KB), then the end.
     * News sites embed their client-side state like this; an extractor must skip it.
     */
    private String finish(StringBuilder html, int host, int size) {
        html.append("<footer class=\"site-footer\"><div class=\"footer__sections\">");
        for (int s = 0; s < NewsWeb.SECTIONS.size(); s++) {
            html.append("<a href=\"").append(NewsWeb.listingPath(s, 1)).append("\">").append(label(s)).append("</a> ");
        }
        html.append("</div><p class=\"footer__legal\">© 2025 ").append(web.address(host))
                .append(". All rights reserved. Reproduction without permission is prohibited.</p></footer>\n")
                .append("<script>window.__APP_STATE__={\"host\":\"").append(web.address(host)).append("\",\"items\":[");
        String end = "]};</script><script src=\"/static/app.js\" defer></script></body></html>\n";
        int room = size - end.length() - 16; // a few characters of the markup take two or three bytes in UTF-8
        for (int i = 0; ; i++) {
            int a = Prose.pick(0, web.articlesOf(host), host, size, i);
            String item = (i > 0 ? "," : "") + "{\"id\":" + a + ",\"headline\":\"" + Prose.headline(host, a)
                    + "\",\"path\":\"" + web.articlePath(host, a) + "\",\"section\":\"" + label(web.section(a))
                    + "\",\"views\":" + Prose.pick(10, 100_000, host, a, 70) + "}";
            if (html.length() + item.length() > room) {
                break;
            }
            html.append(item);
        }
        return html.append(end).toString();
    }

    /** The size a page is filled up to, fixed by the page: the padding stops short of it by less than 512 bytes. */
    private static int sizeOf(int host, int page, int sub) {
        return Prose.pick(MIN_SIZE + 512, MAX_SIZE, host, page, sub, 90);
    }

    private String image(int host, int article, int n) {
        return web.origin(host) + "/img/2025/03/" + host + "-" + article + "-" + n + ".jpg";
    }

    private static String label(int section) {
        String s = NewsWeb.SECTIONS.get(section);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
