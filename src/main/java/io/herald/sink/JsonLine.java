package io.herald.sink;

import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;

/** Encodes a JSON object as exactly one UTF-8 line, newline included. */
final class JsonLine {
    private JsonLine() {
    }

    /**
     * JSON escapes control characters inside strings, so the encoding holds no raw line feed; that is
     * checked, not assumed, because a second {@code \n} would split an article in two for every reader.
     * U+0085, U+2028 and U+2029 are legal raw in JSON but some line splitters (Python's
     * {@code str.splitlines}, JavaScript before ES2019) break on them, so they are escaped too.
     */
    static byte[] encode(JsonObject json) {
        return encode(json.encode());
    }

    /** As {@link #encode(JsonObject)}, for JSON text already written. */
    static byte[] encode(String text) {
        if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            throw new IllegalStateException("JSON encoding produced a raw line break");
        }
        text = escapeUnicodeLineBreaks(text);
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] line = new byte[utf8.length + 1];
        System.arraycopy(utf8, 0, line, 0, utf8.length);
        line[utf8.length] = '\n';
        return line;
    }

    // Outside strings JSON text is ASCII, so these characters can only be inside strings: escaping is safe.
    private static String escapeUnicodeLineBreaks(String text) {
        if (text.indexOf('\u0085') < 0 && text.indexOf('\u2028') < 0 && text.indexOf('\u2029') < 0) {
            return text;
        }
        return text.replace("\u0085", "\\u0085").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }
}
