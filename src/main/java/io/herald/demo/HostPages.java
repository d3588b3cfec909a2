package io.herald.demo;

import java.util.Map;

/**
 * Everything one host serves, rendered up front.
 *
 * @param robots   body of {@code /robots.txt}
 * @param pages    root-relative path (no query) → HTML
 * @param notFound HTML body of the 404 page
 */
record HostPages(String robots, Map<String, String> pages, String notFound) {
    HostPages {
        pages = Map.copyOf(pages);
    }
}
