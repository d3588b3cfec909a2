package io.herald.demo;

import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Escaping and date formatting shared by the publication templates. */
final class Html {
    private Html() {
    }

    /** Escapes text for element content and double-quoted attribute values. */
    static String esc(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** JSON for a {@code <script>} element: "&lt;/" must not appear or it would close the script early. */
    static String scriptJson(JsonObject json) {
        return json.encodePrettily().replace("</", "<\\/");
    }

    /** Formats an ISO instant with an English pattern (dates on these sites are written in English). */
    static String date(String isoInstant, String pattern) {
        return DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH).withZone(ZoneOffset.UTC)
                .format(Instant.parse(isoInstant));
    }

    /** ISO instant plus hours, for "updated" timestamps. */
    static String plusHours(String isoInstant, int hours) {
        return Instant.parse(isoInstant).plusSeconds(hours * 3600L).toString();
    }
}
