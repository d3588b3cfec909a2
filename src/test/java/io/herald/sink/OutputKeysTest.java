package io.herald.sink;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutputKeysTest {
    @TempDir
    Path dir;

    @Test
    void readsRotatedAndOpenFilesButNotATornLastLineAndChangesNothing() throws IOException {
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(dir.resolve("articles-0001.jsonl.gz")))) {
            gz.write(ArticleJson.line(TestArticles.minimal("http://news.test/rotated")));
        }
        byte[] whole = ArticleJson.line(TestArticles.withCanonical("http://news.test/b?x", "http://news.test/b"));
        byte[] torn = ArticleJson.line(TestArticles.minimal("http://news.test/torn"));
        Path open = dir.resolve("articles-0002.jsonl");
        try (OutputStream out = Files.newOutputStream(open)) {
            out.write(whole);
            out.write(torn, 0, torn.length - 1); // all but its newline: the node that wrote it will cut it off
        }
        long size = Files.size(open);

        OutputKeys keys = OutputKeys.read(dir);

        assertThat(keys.contains("http://news.test/rotated")).isTrue();
        assertThat(keys.contains("http://news.test/b")).as("the canonical URL is the key").isTrue();
        assertThat(keys.contains("http://news.test/b#" + ArticleJson.contentHash("Some text here.")))
                .as("a version's text key").isTrue();
        assertThat(keys.contains("http://news.test/torn")).isFalse();
        assertThat(Files.size(open)).as("read only").isEqualTo(size);
        assertThat(OutputKeys.stamp(dir)).isEqualTo(OutputKeys.stamp(dir)).hasSize(2);
    }

    @Test
    void aFolderThatIsNotThereCannotBeRead() {
        assertThatThrownBy(() -> OutputKeys.read(dir.resolve("n9"))).isInstanceOf(NoSuchFileException.class);
    }
}
