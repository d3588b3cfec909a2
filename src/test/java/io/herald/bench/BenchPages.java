package io.herald.bench;

import java.util.Locale;

/** Article pages of about 60 KB: head metadata, navigation, body, related blocks, comments and footer. */
final class BenchPages {
    private static final String[] WORDS = ("council harbour river station budget minister storm school market"
            + " festival research report village bridge ferry museum league season hospital election court").split(" ");

    private BenchPages() {
    }

    static String article(int host, int page) {
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Story ").append(page)
                .append(" of host ").append(host).append("</title><meta property=\"og:type\" content=\"article\">")
                .append("<meta property=\"article:published_time\" content=\"2025-03-0").append(1 + page % 9)
                .append("T10:00:00Z\"><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":"
                        + "\"Story ").append(page).append("\",\"author\":{\"@type\":\"Person\",\"name\":\"A Writer\"}}</script>")
                .append("<style>").append("body{font-family:serif}.nav a{color:#333}\n".repeat(60)).append("</style></head><body>")
                .append("<nav class=\"nav\">");
        for (int i = 0; i < 60; i++) {
            html.append("<a href=\"/section/").append(i).append("\">Section ").append(i).append("</a> ");
        }
        html.append("</nav><article class=\"story\"><h1>Story ").append(page).append("</h1><div class=\"story__body\">");
        for (int p = 0; p < 40; p++) {
            html.append("<p>").append(sentence(host, page, p)).append(' ').append(sentence(host, page, p + 1)).append("</p>\n");
            if (p % 10 == 5) {
                html.append("<div class=\"related\"><a href=\"/news/").append((page + p) % 50).append("\">Related story</a></div>");
            }
        }
        html.append("</div></article><section class=\"comments\">");
        for (int c = 0; c < 30; c++) {
            html.append("<div class=\"comment\"><b>reader").append(c).append("</b> ").append(sentence(c, page, c)).append("</div>");
        }
        return html.append("</section><footer>").append("<a href=\"/about\">About</a> ".repeat(40))
                .append("</footer></body></html>").toString();
    }

    private static String sentence(int a, int b, int c) {
        StringBuilder s = new StringBuilder();
        for (int w = 0; w < 22; w++) {
            s.append(WORDS[(a * 7 + b * 13 + c * 17 + w * 31) % WORDS.length]).append(' ');
        }
        return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1).trim() + ".";
    }
}
