package io.herald.app;

import io.herald.config.ConfigLoader;
import io.herald.config.CrawlConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FreshStartTest {
    @TempDir
    Path tmp;

    @Test
    void movesStateAndOutputAsideAndDeletesNothing() throws Exception {
        CrawlConfig config = ConfigLoader.load(Map.of("crawl.seeds", "http://127.0.0.2/",
                "state.dir", tmp.resolve("state").toString(), "output.dir", tmp.resolve("out").toString()));
        Files.createDirectories(tmp.resolve("state"));
        Files.writeString(tmp.resolve("state/CURRENT"), "x");
        Files.createDirectories(tmp.resolve("out"));
        Files.writeString(tmp.resolve("out/articles-0001.jsonl"), "{}\n");
        LocalDateTime now = LocalDateTime.of(2026, 11, 29, 4, 15, 0);

        List<String> moves = FreshStart.moveAside(config, now);

        assertThat(moves).hasSize(2).allMatch(m -> m.contains("moved"));
        assertThat(tmp.resolve("state")).doesNotExist();
        assertThat(tmp.resolve("state.old-20261129-041500/CURRENT")).hasContent("x");
        assertThat(tmp.resolve("out.old-20261129-041500/articles-0001.jsonl")).hasContent("{}");

        Files.createDirectories(tmp.resolve("out"));
        Files.writeString(tmp.resolve("out/articles-0001.jsonl"), "{\"second\":1}\n");
        assertThat(FreshStart.moveAside(config, now)).hasSize(1); // no state now; same second: a new name
        assertThat(tmp.resolve("out.old-20261129-041500-2/articles-0001.jsonl")).hasContent("{\"second\":1}");
        assertThat(FreshStart.moveAside(config, now)).isEmpty();
    }
}
