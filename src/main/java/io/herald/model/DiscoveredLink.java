package io.herald.model;

/**
 * A link found on a page, absolute but not yet normalised or scoped (that is the frontier's job).
 *
 * @param url  absolute URL
 * @param via  {@link Via#RELATED} for related-story links, {@link Via#LINK} otherwise
 */
public record DiscoveredLink(String url, Via via) {
}
