package io.herald.app;

import io.vertx.core.json.JsonObject;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** Prints the title, URL and first words of the JSON line on standard input (used by scripts/demo). */
public final class PeekArticle {
    private PeekArticle() {
    }

    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line = in.readLine();
        if (line == null || line.isBlank()) {
            System.out.println("  (no article)");
            return;
        }
        JsonObject article = new JsonObject(line);
        String text = article.getString("text", "");
        System.out.println("  " + article.getString("title") + "  <" + article.getString("url") + ">");
        System.out.println("  " + (text.length() > 240 ? text.substring(0, 240) + " ..." : text));
    }
}
