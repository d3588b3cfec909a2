package io.herald.fetch;

import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.Locale;

/** Pure rules for reading response headers: content types, lengths and Location targets. */
final class ResponseRules {

    private ResponseRules() {
    }

    /** A missing or blank content type is treated as HTML: many small sites omit it. */
    static boolean isHtml(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return true;
        }
        String mediaType = mediaType(contentType);
        return mediaType.equals("text/html") || mediaType.equals("application/xhtml+xml");
    }

    /** The declared length, or -1 when absent or junk (then only the streaming count protects us). */
    static long contentLength(String header) {
        if (header == null) {
            return -1;
        }
        try {
            long length = Long.parseLong(header.trim());
            return length >= 0 ? length : -1;
        } catch (NumberFormatException junk) {
            return -1;
        }
    }

    /**
     * Resolves a Location header against the URL that was requested.
     *
     * @return the absolute http(s) URL, or {@code null} when the Location cannot be made into one
     */
    static String resolveLocation(String requestUrl, String location) {
        if (location == null || location.isBlank()) {
            return null;
        }
        // Spaces are the commonest junk in real Location headers; browsers encode them, so do we.
        String relative = location.trim().replace(" ", "%20");
        try {
            URL base = new URL(requestUrl);
            // java.net.URL drops the base path for a query-only reference ("?page=2"); RFC 3986 keeps it.
            if (relative.startsWith("?")) {
                relative = base.getPath() + relative;
            }
            URL resolved = new URL(base, relative);
            String scheme = resolved.getProtocol().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || resolved.getHost().isEmpty()) {
                return null;
            }
            return resolved.toURI().toString(); // toURI() rejects what URL tolerates but no server accepts
        } catch (MalformedURLException | URISyntaxException | IllegalArgumentException junk) {
            return null;
        }
    }

    private static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        String type = semicolon >= 0 ? contentType.substring(0, semicolon) : contentType;
        return type.trim().toLowerCase(Locale.ROOT);
    }
}
