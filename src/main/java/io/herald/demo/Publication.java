package io.herald.demo;

import java.util.Locale;

/**
 * The three invented publications. Each one owns a URL scheme for its articles, the way different CMSs do:
 * dated {@code .html} paths with an id (wire agency), WordPress permalinks, and slug-plus-id paths.
 */
enum Publication {
    MERIDIAN("meridian-wire", "The Meridian Wire", true) {
        @Override
        String articlePath(DemoArticle a) {
            return "/" + a.sectionSlug() + "/" + a.date().replace("-", "") + "/" + a.slug() + "-"
                    + (1_070_000 + a.number()) + ".html";
        }
    },
    HARBOUR("harbour-chronicle", "Harbour Chronicle", false) {
        @Override
        String articlePath(DemoArticle a) {
            String prefix = a.membersOnly() ? "/members/" : "/";
            return prefix + a.date().replace('-', '/') + "/" + a.slug() + "/";
        }
    },
    GAZETTE("northern-gazette", "Northern Gazette", true) {
        @Override
        String articlePath(DemoArticle a) {
            return "/news/" + a.sectionSlug() + "/" + a.slug() + "-a" + (8_200 + a.number());
        }
    };

    private final String key;
    private final String siteName;
    private final boolean showsStandfirst;

    Publication(String key, String siteName, boolean showsStandfirst) {
        this.key = key;
        this.siteName = siteName;
        this.showsStandfirst = showsStandfirst;
    }

    /** True when the article page prints the description under the headline, as the article's opening. */
    boolean showsStandfirst() {
        return showsStandfirst;
    }

    /** Resource base name and a stable identifier, e.g. {@code meridian-wire}. */
    String key() {
        return key;
    }

    String siteName() {
        return siteName;
    }

    /** Root-relative path of an article of this publication. */
    abstract String articlePath(DemoArticle article);

    static String slugOf(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
