package io.herald.model;

/** An inline related-story link: absolute URL and the headline it shows. */
public record RelatedLink(String url, String title) {
}
