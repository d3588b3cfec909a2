package io.herald.bench;

import java.util.List;
import java.util.Set;

/**
 * The shape of the synthetic news web that {@code bench/} serves with nginx: which hosts exist, which
 * articles and listing pages each one has, where they live and what its robots.txt says. Everything is a
 * pure function of the host and article numbers, so the same parameters always give the same web.
 *
 * <p>Host {@code h} (0-based) is {@code 127.0.1.(h+1)}. Articles are spread evenly over the hosts (the first
 * hosts take the remainder) and round-robin over {@link #SECTIONS}; each section lists its articles newest
 * first, {@link #PER_LISTING} to a page.
 */
record NewsWeb(int hosts, int articles, int port) {
    static final List<String> SECTIONS = List.of("world", "politics", "business", "science", "culture", "sport",
            "health");
    static final int PER_LISTING = 10;
    /** Hosts whose robots.txt asks every agent for {@code Crawl-delay: 0.5}. */
    static final Set<Integer> CRAWL_DELAY_HOSTS = Set.of(7, 23, 41);
    static final String CRAWL_DELAY = "0.5";

    NewsWeb {
        if (hosts < 2 || hosts > 254 || articles < hosts * SECTIONS.size()) {
            throw new IllegalArgumentException("hosts must be 2..254 and articles at least 7 per host");
        }
    }

    String address(int host) {
        return "127.0.1." + (host + 1);
    }

    String origin(int host) {
        return "http://" + address(host) + ":" + port;
    }

    int articlesOf(int host) {
        return articles / hosts + (host < articles % hosts ? 1 : 0);
    }

    int section(int article) {
        return article % SECTIONS.size();
    }

    /** Articles of one section of a host, newest (highest number) first. */
    int sectionSize(int host, int section) {
        int n = articlesOf(host);
        return n / SECTIONS.size() + (section < n % SECTIONS.size() ? 1 : 0);
    }

    /** The article number at a position (0 = newest) of a section's listing. */
    int sectionArticle(int host, int section, int position) {
        int n = articlesOf(host);
        int newestInSection = n - 1 - Math.floorMod(n - 1 - section, SECTIONS.size());
        return newestInSection - position * SECTIONS.size();
    }

    int listingPages(int host, int section) {
        return (sectionSize(host, section) + PER_LISTING - 1) / PER_LISTING;
    }

    static String listingPath(int section, int page) {
        return "/" + SECTIONS.get(section) + "/" + (page == 1 ? "" : "page/" + page + "/");
    }

    /** Day of March 2025 an article was published; newer articles have later days. */
    int day(int host, int article) {
        return 1 + (int) ((long) article * 27 / Math.max(1, articlesOf(host) - 1));
    }

    String articlePath(int host, int article) {
        return String.format("/%s/2025/03/%02d/%s-%d.html", SECTIONS.get(section(article)), day(host, article),
                Prose.slug(host, article), article);
    }

    boolean crawlDelay(int host) {
        return CRAWL_DELAY_HOSTS.contains(host);
    }

    /** Every fifth host also keeps crawlers out of its comment reply pages. */
    boolean disallowsComments(int host) {
        return host % 5 == 2;
    }

    String robots(int host) {
        StringBuilder txt = new StringBuilder("# robots.txt of ").append(address(host)).append('\n')
                .append("User-agent: examplebot\nDisallow: /\n\nUser-agent: *\n");
        if (crawlDelay(host)) {
            txt.append("Crawl-delay: ").append(CRAWL_DELAY).append('\n');
        }
        txt.append("Disallow: /search/\nDisallow: /print/\n");
        if (disallowsComments(host)) {
            txt.append("Disallow: /comments/\n");
        }
        return txt.toString();
    }

    /** Pages a complete crawl fetches from one host (robots.txt not counted). */
    int pagesOf(int host) {
        int pages = 1 + articlesOf(host);
        for (int s = 0; s < SECTIONS.size(); s++) {
            pages += listingPages(host, s);
        }
        return pages;
    }
}
