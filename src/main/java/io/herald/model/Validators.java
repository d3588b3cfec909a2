package io.herald.model;

/**
 * A response's cache validators, sent back on the next visit of the same URL as {@code If-None-Match} and
 * {@code If-Modified-Since}, so that a server can answer an unchanged page with a bodiless 304.
 *
 * @param etag         the {@code ETag} header as sent (quotes and {@code W/} kept), or null
 * @param lastModified the {@code Last-Modified} header as sent, or null
 */
public record Validators(String etag, String lastModified) {
    /** No validators: an unconditional request. */
    public static final Validators NONE = new Validators(null, null);

    public Validators {
        etag = blankToNull(etag);
        lastModified = blankToNull(lastModified);
    }

    public boolean isEmpty() {
        return etag == null && lastModified == null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
