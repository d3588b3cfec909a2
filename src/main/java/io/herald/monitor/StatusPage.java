package io.herald.monitor;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The live status page at {@code /}: one HTML file, a script that polls {@code /status} and {@code /health}, and
 * a style sheet, all from {@code webroot/} on the class path, read once and served from memory. No build step and
 * nothing from the network. The content security policy lets the page load only its own script and style and talk
 * only to this server, so even a text that slipped past the script's escaping could not run code.
 */
public final class StatusPage {
    private static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    private static final Map<String, String[]> FILES = Map.of(
            "/", new String[] {"webroot/index.html", "text/html; charset=utf-8"},
            "/status-page.js", new String[] {"webroot/status-page.js", "text/javascript; charset=utf-8"},
            "/status-page.css", new String[] {"webroot/status-page.css", "text/css; charset=utf-8"});

    private StatusPage() {
    }

    /** Adds a GET route for each of the page's files to the router. */
    public static void mount(Router router) {
        FILES.forEach((path, file) -> {
            Buffer body = Buffer.buffer(read(file[0]));
            router.get(path).handler(ctx -> ctx.response()
                    .putHeader("content-type", file[1])
                    .putHeader("content-security-policy", POLICY)
                    .putHeader("x-content-type-options", "nosniff")
                    .putHeader("cache-control", "no-cache")
                    .end(body));
        });
    }

    private static byte[] read(String resource) {
        try (InputStream in = StatusPage.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing from the jar: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
