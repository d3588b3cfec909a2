package io.herald.config;

import java.nio.file.Path;

/**
 * The {@code output} section.
 *
 * @param dir         folder for {@code articles-NNNN.jsonl} and {@code summary.json}
 * @param rotateBytes a file is closed and the next one started once it reaches this size
 */
public record OutputConfig(Path dir, long rotateBytes) {
}
