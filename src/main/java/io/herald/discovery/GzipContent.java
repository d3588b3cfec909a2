package io.herald.discovery;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/** Recognises and inflates gzip bodies, with a cap so a small bomb cannot fill the heap. */
final class GzipContent {
    private GzipContent() {
    }

    /**
     * By magic bytes, not by the {@code .gz} suffix: an HTTP client that honoured
     * {@code Content-Encoding: gzip} has already inflated a {@code sitemap.xml.gz}.
     */
    static boolean isGzip(byte[] content) {
        return content.length >= 2 && (content[0] & 0xFF) == 0x1F && (content[1] & 0xFF) == 0x8B;
    }

    static byte[] gunzip(byte[] content, int maxBytes) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(content))) {
            byte[] inflated = in.readNBytes(maxBytes + 1);
            if (inflated.length > maxBytes) {
                throw new IOException("gzip content inflates beyond " + maxBytes + " bytes");
            }
            return inflated;
        }
    }
}
