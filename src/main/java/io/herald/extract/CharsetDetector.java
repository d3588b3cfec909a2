package io.herald.extract;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks the charset of an HTML body in the order browsers use: byte-order mark, the HTTP Content-Type
 * charset, a {@code <meta charset>} / {@code http-equiv} declaration in the first bytes, then UTF-8 when the
 * bytes are valid UTF-8, then windows-1251/KOI8-R when byte statistics say Cyrillic ({@link CyrillicGuess}),
 * else windows-1252.
 *
 * <p>jsoup's {@code DataUtil} sniffs BOM and meta, but defaults to UTF-8 without checking validity, so
 * Latin-1 pages served without any declaration would decode to replacement characters. We therefore do
 * the whole decision here and hand jsoup a decoded string.
 */
final class CharsetDetector {
    static final Charset FALLBACK = Charset.forName("windows-1252");
    private static final int PRESCAN_BYTES = 4096;
    private static final Pattern HEADER_CHARSET =
            Pattern.compile("charset\\s*=\\s*[\"']?([A-Za-z0-9._:\\-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern META = Pattern.compile("<meta\\s[^>]*>", Pattern.CASE_INSENSITIVE);

    /** The detected charset and how many leading bytes (a BOM) to skip. */
    record Detected(Charset charset, int bomLength, String source) {
    }

    Detected detect(byte[] body, String contentTypeHeader) {
        Detected bom = fromBom(body);
        if (bom != null) {
            return bom;
        }
        Charset header = fromContentType(contentTypeHeader);
        if (header != null) {
            return new Detected(header, 0, "header");
        }
        Charset meta = fromMeta(body);
        if (meta != null) {
            // a page re-saved as UTF-8 often keeps its old declaration; multi-byte sequences that are valid
            // UTF-8 throughout are practically never legacy 8-bit text by chance
            if (!meta.equals(StandardCharsets.UTF_8) && hasHighBytes(body) && isValidUtf8(body)) {
                return new Detected(StandardCharsets.UTF_8, 0, "utf8-over-meta");
            }
            return new Detected(meta, 0, "meta");
        }
        if (isValidUtf8(body)) {
            return new Detected(StandardCharsets.UTF_8, 0, "utf8");
        }
        Charset cyrillic = CyrillicGuess.guess(body);
        return cyrillic != null ? new Detected(cyrillic, 0, "guess") : new Detected(FALLBACK, 0, "fallback");
    }

    private static boolean hasHighBytes(byte[] body) {
        for (byte b : body) {
            if (b < 0) {
                return true;
            }
        }
        return false;
    }

    static Detected fromBom(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return new Detected(StandardCharsets.UTF_8, 3, "bom");
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return new Detected(StandardCharsets.UTF_16BE, 2, "bom");
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return new Detected(StandardCharsets.UTF_16LE, 2, "bom");
        }
        return null;
    }

    static Charset fromContentType(String contentType) {
        if (contentType == null) {
            return null;
        }
        Matcher m = HEADER_CHARSET.matcher(contentType);
        return m.find() ? forLabel(m.group(1)) : null;
    }

    /** Looks for a charset declaration in the first bytes, read as ASCII (every candidate is ASCII-compatible). */
    static Charset fromMeta(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, PRESCAN_BYTES), StandardCharsets.ISO_8859_1);
        Matcher meta = META.matcher(head);
        while (meta.find()) {
            Matcher cs = HEADER_CHARSET.matcher(meta.group());
            if (cs.find()) {
                Charset charset = forLabel(cs.group(1));
                if (charset != null) {
                    // a page that reached us as bytes cannot really be UTF-16 if its meta tag is ASCII
                    return charset.name().startsWith("UTF-16") ? StandardCharsets.UTF_8 : charset;
                }
            }
        }
        return null;
    }

    /**
     * Maps a charset label to a Java charset, following the WHATWG Encoding Standard where it matters:
     * latin1 and ascii labels mean windows-1252, which is a superset browsers use for them.
     */
    static Charset forLabel(String label) {
        String l = label.trim().toLowerCase(Locale.ROOT);
        if (l.equals("iso-8859-1") || l.equals("latin1") || l.equals("iso8859-1") || l.equals("us-ascii")
                || l.equals("ascii") || l.equals("iso_8859-1") || l.equals("l1")) {
            return FALLBACK;
        }
        try {
            return Charset.isSupported(l) ? Charset.forName(l) : null;
        } catch (IllegalArgumentException badName) {
            return null;
        }
    }

    static boolean isValidUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
