package io.herald.config;

import java.util.List;

/**
 * CSS selectors for one site, each optional (null when not given). A selector that matches nothing
 * falls back to the generic extractor for that field.
 *
 * @param hosts   host names the rule applies to (exact, or a subdomain of one)
 * @param title   element whose text is the title
 * @param body    elements whose text blocks form the body, in document order
 * @param related anchors of related-story links
 * @param date    element holding the publication date (its {@code datetime} or text)
 * @param author  elements naming the authors
 * @param exclude elements removed before anything else is read
 */
public record SiteRule(List<String> hosts, String title, String body, String related, String date,
                       String author, List<String> exclude) {
    public SiteRule {
        hosts = List.copyOf(hosts);
        exclude = List.copyOf(exclude);
    }

    /** True when this rule covers {@code host} (lower case). */
    public boolean appliesTo(String host) {
        for (String h : hosts) {
            if (host.equals(h) || host.endsWith("." + h)) {
                return true;
            }
        }
        return false;
    }
}
