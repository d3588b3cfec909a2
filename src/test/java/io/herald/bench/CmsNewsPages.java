package io.herald.bench;

import java.util.Locale;

/**
 * News article pages of 40–80 KB shaped like a modern CMS's: a head full of meta tags, JSON-LD and inline
 * script/style, a mega navigation, the article (breadcrumb, headline, standfirst, byline, date, share bar,
 * lead photo with caption and credit, 14–30 paragraphs with inline links, subheadings, an inline related
 * teaser, an embed, an ad slot, a second photo), tags, an author box, a related-stories block with thumbnails,
 * a most-read list, a comment thread, a newsletter form and a large footer. Deterministic for a page number.
 */
final class CmsNewsPages {
    private static final String[] WORDS = ("council harbour river station budget minister storm school market"
            + " festival research report village bridge ferry museum league season hospital election court"
            + " officials said residents would plan after weeks of talks between the two sides while critics"
            + " warned that costs could rise again next year according to figures published on").split(" ");
    private static final String[] SECTIONS = {"World", "Politics", "Business", "Science", "Sport", "Culture",
        "Health", "Climate", "Technology", "Opinion"};

    private CmsNewsPages() {
    }

    /** The page at {@code https://news{host}.example/...}; its URL is {@link #url(int, int)}. */
    static String article(int host, int page) {
        StringBuilder h = new StringBuilder(80 * 1024);
        String title = sentence(host, page, 0, 9).replace(".", "");
        String section = SECTIONS[page % SECTIONS.length];
        head(h, host, page, title, section);
        h.append("<body class=\"article-page theme-light\"><div id=\"app\">");
        navigation(h, host);
        h.append("<main id=\"main\" class=\"layout\"><div class=\"layout__col layout__col--main\">");
        h.append("<article class=\"article\" itemscope itemtype=\"https://schema.org/NewsArticle\">");
        h.append("<nav class=\"breadcrumb\"><a href=\"/\">Home</a> › <a href=\"/").append(slug(section)).append("/\">")
                .append(section).append("</a></nav>");
        h.append("<header class=\"article__header\"><h1 class=\"article__title\" itemprop=\"headline\">").append(title)
                .append("</h1><p class=\"article__standfirst\">").append(sentence(host, page, 1, 24)).append("</p>")
                .append("<div class=\"article__meta\"><span class=\"byline\">By <a rel=\"author\" href=\"/authors/")
                .append("jane-doe-").append(page % 7).append("\">Jane Doe").append(page % 7 == 0 ? "" : " " + (char) ('A' + page % 7))
                .append("</a>, Staff Writer</span> <time class=\"article__date\" datetime=\"2025-03-")
                .append(String.format(Locale.ROOT, "%02d", 1 + page % 28)).append("T09:30:00Z\">March ")
                .append(1 + page % 28).append(", 2025</time></div>");
        share(h);
        h.append("</header>");
        figure(h, host, page, 0);
        h.append("<div class=\"article__body\" itemprop=\"articleBody\">");
        int paragraphs = 14 + page % 17;
        for (int p = 0; p < paragraphs; p++) {
            h.append("<p>").append(sentence(host, page, p + 2, 18)).append(" <a href=\"/").append(slug(section))
                    .append("/story-").append((page * 31 + p) % 997).append("\">").append(sentence(host, page, p + 3, 4).replace(".", ""))
                    .append("</a> ").append(sentence(host, page, p + 4, 26)).append(" <strong>")
                    .append(sentence(host, page, p + 5, 5).replace(".", "")).append("</strong> ")
                    .append(sentence(host, page, p + 6, 20)).append("</p>\n");
            if (p == 3) {
                h.append("<div class=\"inline-related\"><span>Read more:</span> <a href=\"/").append(slug(section))
                        .append("/story-").append((page + 7) % 997).append("\">").append(sentence(host, page + 1, 0, 8))
                        .append("</a></div>\n");
            }
            if (p == 5) {
                h.append("<div class=\"ad-slot ad-slot--inarticle\" id=\"div-gpt-ad-").append(p)
                        .append("\"><script>googletag.cmd.push(function(){googletag.display('div-gpt-ad-").append(p)
                        .append("');});</script></div>\n");
            }
            if (p == 7) {
                h.append("<h2>").append(sentence(host, page, p, 6).replace(".", "")).append("</h2>\n");
                h.append("<blockquote class=\"twitter-tweet\"><p lang=\"en\">").append(sentence(host, page, p, 16))
                        .append("</p>— Harbour Police (@harbourpolice) <a href=\"https://twitter.com/harbourpolice/status/")
                        .append(1000 + page).append("\">March 1, 2025</a></blockquote>\n");
            }
            if (p == 10) {
                figure(h, host, page, 1);
            }
        }
        h.append("</div>");
        h.append("<ul class=\"article__tags tags\">");
        for (int t = 0; t < 5; t++) {
            h.append("<li><a href=\"/tag/").append(WORDS[(page + t * 3) % WORDS.length]).append("/\">")
                    .append(WORDS[(page + t * 3) % WORDS.length]).append("</a></li>");
        }
        h.append("</ul><aside class=\"author-bio\"><img src=\"/img/authors/").append(page % 7)
                .append(".jpg\" alt=\"\"><p>Jane Doe covers local government and transport for the Chronicle.</p></aside>");
        h.append("</article>");
        related(h, host, page, section);
        comments(h, host, page);
        h.append("</div><div class=\"layout__col layout__col--side\">");
        mostRead(h, host, page);
        h.append("<form class=\"newsletter-signup\" action=\"/newsletter\"><h3>Get the morning briefing</h3>"
                + "<input type=\"email\" name=\"email\" placeholder=\"you@example.com\"><button>Sign up</button></form>");
        h.append("</div></main>");
        footer(h);
        h.append("<script>").append("window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}"
                + "gtag('js',new Date());gtag('config','G-XXXX');\n".repeat(40)).append("</script>");
        return h.append("</div></body></html>").toString();
    }

    static String url(int host, int page) {
        return "https://news" + host + ".example/" + slug(SECTIONS[page % SECTIONS.length]) + "/2025/03/story-" + page;
    }

    private static void head(StringBuilder h, int host, int page, String title, String section) {
        String url = url(host, page);
        h.append("<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(title).append(" | Harbour Chronicle</title>")
                .append("<link rel=\"canonical\" href=\"").append(url).append("\">")
                .append("<meta name=\"description\" content=\"").append(sentence(host, page, 1, 24)).append("\">")
                .append("<meta property=\"og:type\" content=\"article\"><meta property=\"og:title\" content=\"")
                .append(title).append("\"><meta property=\"og:url\" content=\"").append(url).append("\">")
                .append("<meta property=\"og:image\" content=\"https://cdn.example/img/").append(page).append("-lead.jpg\">")
                .append("<meta property=\"og:site_name\" content=\"Harbour Chronicle\">")
                .append("<meta property=\"article:published_time\" content=\"2025-03-")
                .append(String.format(Locale.ROOT, "%02d", 1 + page % 28)).append("T09:30:00Z\">")
                .append("<meta property=\"article:section\" content=\"").append(section).append("\">")
                .append("<meta name=\"twitter:card\" content=\"summary_large_image\">");
        for (int i = 0; i < 12; i++) {
            h.append("<link rel=\"preload\" as=\"font\" href=\"/fonts/f").append(i).append(".woff2\" crossorigin>");
        }
        h.append("<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\","
                + "\"headline\":\"").append(title).append("\",\"datePublished\":\"2025-03-")
                .append(String.format(Locale.ROOT, "%02d", 1 + page % 28)).append("T09:30:00Z\",\"author\":[{\"@type\":"
                        + "\"Person\",\"name\":\"Jane Doe\",\"url\":\"https://news").append(host)
                .append(".example/authors/jane-doe\"}],\"publisher\":{\"@type\":\"Organization\",\"name\":\"Harbour Chronicle\","
                        + "\"logo\":{\"@type\":\"ImageObject\",\"url\":\"https://cdn.example/logo.png\"}},\"image\":[\"https://cdn.example/img/")
                .append(page).append("-lead.jpg\"],\"mainEntityOfPage\":\"").append(url).append("\"}</script>")
                .append("<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"BreadcrumbList\","
                        + "\"itemListElement\":[{\"@type\":\"ListItem\",\"position\":1,\"name\":\"").append(section)
                .append("\",\"item\":\"https://news").append(host).append(".example/").append(slug(section)).append("/\"}]}</script>");
        h.append("<style>").append(".article__body p{margin:0 0 1em;line-height:1.6}.nav__item a{color:#222}"
                + ".teaser__title{font-weight:700}@media(max-width:600px){.layout{display:block}}\n".repeat(70)).append("</style>");
        h.append("<script>").append("(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':new Date().getTime(),"
                + "event:'gtm.js'});var f=d.getElementsByTagName(s)[0];})(window,document,'script','dataLayer','GTM-X');\n"
                .repeat(25)).append("</script></head>");
    }

    private static void navigation(StringBuilder h, int host) {
        h.append("<header class=\"site-header\"><a class=\"logo\" href=\"/\"><img src=\"/logo.svg\" alt=\"Harbour Chronicle\"></a>")
                .append("<nav class=\"nav\" aria-label=\"Main\"><ul class=\"nav__list\">");
        for (String s : SECTIONS) {
            h.append("<li class=\"nav__item\"><a href=\"/").append(slug(s)).append("/\">").append(s).append("</a><ul class=\"nav__sub\">");
            for (int i = 0; i < 8; i++) {
                h.append("<li><a href=\"/").append(slug(s)).append("/").append(WORDS[(i * 5 + host) % WORDS.length])
                        .append("/\">").append(WORDS[(i * 5 + host) % WORDS.length]).append("</a></li>");
            }
            h.append("</ul></li>");
        }
        h.append("</ul></nav><div class=\"ticker\"><span>Breaking:</span>");
        for (int i = 0; i < 5; i++) {
            h.append("<a href=\"/live/").append(i).append("\">").append(sentence(host, i, i, 7)).append("</a>");
        }
        h.append("</div></header>");
    }

    private static void share(StringBuilder h) {
        h.append("<div class=\"share-bar\">");
        for (String s : new String[] {"facebook", "twitter", "whatsapp", "email", "copy"}) {
            h.append("<button class=\"share-bar__").append(s).append("\" aria-label=\"Share on ").append(s)
                    .append("\"><svg viewBox=\"0 0 24 24\"><path d=\"M12 2C6.5 2 2 6.5 2 12s4.5 10 10 10 10-4.5 10-10S17.5 2 12 2z\"/></svg></button>");
        }
        h.append("</div>");
    }

    private static void figure(StringBuilder h, int host, int page, int n) {
        h.append("<figure class=\"article__figure\"><picture><source type=\"image/webp\" srcset=\"https://cdn.example/img/")
                .append(page).append('-').append(n).append("-800.webp 800w, https://cdn.example/img/").append(page).append('-')
                .append(n).append("-1600.webp 1600w\"><img src=\"https://cdn.example/img/").append(page).append('-').append(n)
                .append(".jpg\" alt=\"").append(sentence(host, page, n, 8)).append("\" width=\"1600\" height=\"900\" loading=\"lazy\">")
                .append("</picture><figcaption><span class=\"caption\">").append(sentence(host, page, n + 9, 14))
                .append("</span> <span class=\"credit\">Photo: Alex Smith / Harbour Chronicle</span></figcaption></figure>");
    }

    private static void related(StringBuilder h, int host, int page, String section) {
        h.append("<section class=\"related-stories\"><h2>Related stories</h2><ul>");
        for (int r = 0; r < 6; r++) {
            h.append("<li class=\"teaser\"><a href=\"/").append(slug(section)).append("/story-").append((page + r * 13) % 997)
                    .append("\"><img src=\"https://cdn.example/img/t").append(r).append(".jpg\" alt=\"\"><span class=\"teaser__title\">")
                    .append(sentence(host, page + r, 2, 9)).append("</span></a><p class=\"teaser__summary\">")
                    .append(sentence(host, page + r, 3, 18)).append("</p></li>");
        }
        h.append("</ul></section>");
    }

    private static void comments(StringBuilder h, int host, int page) {
        h.append("<section id=\"comments\" class=\"comments\"><h2>Comments (24)</h2><ol class=\"comment-list\">");
        for (int c = 0; c < 24; c++) {
            h.append("<li class=\"comment\"><div class=\"comment__author\"><img src=\"/avatars/").append(c)
                    .append(".png\" alt=\"\"><b>reader").append(c).append("</b> <time datetime=\"2025-03-02T1")
                    .append(c % 10).append(":00Z\">2 March</time></div><div class=\"comment__body\"><p>")
                    .append(sentence(c, page, c, 12 + c % 20)).append("</p></div><a class=\"comment__reply\" href=\"#reply-")
                    .append(c).append("\">Reply</a></li>");
        }
        h.append("</ol></section>");
    }

    private static void mostRead(StringBuilder h, int host, int page) {
        h.append("<aside class=\"most-read\"><h3>Most read</h3><ol>");
        for (int i = 0; i < 10; i++) {
            h.append("<li><a href=\"/news/popular-").append((page + i) % 50).append("\">").append(sentence(host, i, 4, 8))
                    .append("</a></li>");
        }
        h.append("</ol></aside>");
    }

    private static void footer(StringBuilder h) {
        h.append("<footer class=\"site-footer\"><div class=\"footer__cols\">");
        for (int col = 0; col < 5; col++) {
            h.append("<ul class=\"footer__col\">");
            for (int i = 0; i < 12; i++) {
                h.append("<li><a href=\"/info/").append(col).append('-').append(i).append("\">")
                        .append(WORDS[(col * 12 + i) % WORDS.length]).append("</a></li>");
            }
            h.append("</ul>");
        }
        h.append("</div><p class=\"copyright\">© 2025 Harbour Chronicle Ltd. All rights reserved.</p></footer>");
    }

    private static String slug(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    private static String sentence(int a, int b, int c, int words) {
        StringBuilder s = new StringBuilder();
        for (int w = 0; w < words; w++) {
            s.append(WORDS[Math.floorMod(a * 7 + b * 13 + c * 17 + w * 31 + w * w, WORDS.length)]);
            s.append(w % 9 == 8 && w + 1 < words ? ", " : " ");
        }
        return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1).trim() + ".";
    }
}
