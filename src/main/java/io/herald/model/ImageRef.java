package io.herald.model;

/** A photo of an article: absolute URL, caption and credit (either may be null). */
public record ImageRef(String url, String caption, String credit) {
}
