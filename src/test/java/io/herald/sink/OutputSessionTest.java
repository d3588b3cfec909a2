package io.herald.sink;

import io.herald.config.OutputConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The order in which a restarted sink takes up its output: what is read back, what is cut, what is kept. */
class OutputSessionTest {
    @TempDir
    Path dir;

    /** Keys kept across runs as a durable store keeps them: recorded keys are stored only with the next mark. */
    private static final class KeptKeys implements WrittenKeys {
        final Set<String> stored = new HashSet<>();
        OutputMark storedMark;
        final List<String> marksSeen = new ArrayList<>();
        private Set<String> claimed = new HashSet<>();
        private final Set<String> recordedSinceMark = new HashSet<>();
        private Runnable onMarked = () -> { };

        /** A new run: what was claimed but never stored is forgotten, as after kill -9. */
        KeptKeys restart() {
            claimed = new HashSet<>(stored);
            recordedSinceMark.clear();
            marksSeen.clear();
            return this;
        }

        @Override
        public boolean claim(String key) {
            return claimed.add(key);
        }

        @Override
        public void recorded(String key) {
            recordedSinceMark.add(key);
        }

        @Override
        public void release(String key) {
            claimed.remove(key);
        }

        @Override
        public long size() {
            return claimed.size();
        }

        @Override
        public OutputMark mark() {
            return storedMark;
        }

        @Override
        public void marked(OutputMark mark) {
            onMarked.run();
            stored.addAll(recordedSinceMark);
            recordedSinceMark.clear();
            storedMark = mark;
            marksSeen.add(mark.file() + ":" + mark.offset());
        }
    }

    private final KeptKeys keys = new KeptKeys();

    private OutputSession open(OutputConfig config) {
        return OutputSession.open(config, new ArticleDeduper(keys.restart(), false), Clock.systemUTC(), new AtomicLong(), () -> { });
    }

    private void write(OutputSession session, String url) throws Exception {
        ArticleDeduper deduper = new ArticleDeduper(keys, false);
        assertThat(TestArticles.firstTime(deduper, TestArticles.minimal(url))).as("claim " + url).isTrue();
        session.write(TestArticles.minimal(url));
    }

    private List<String> allLines() throws Exception {
        List<String> lines = new ArrayList<>();
        for (Path file : JsonLinesWriter.existingFiles(dir)) {
            lines.addAll(Files.readAllLines(file));
        }
        return lines;
    }

    @Test
    void linesAfterTheLastRecordedSyncAreReadBackAndNotWrittenTwice() throws Exception {
        OutputConfig config = new OutputConfig(dir, 1 << 20);
        OutputSession first = open(config);
        write(first, "http://127.0.0.2/a");
        first.syncAndMark();
        write(first, "http://127.0.0.2/b"); // then kill -9: b's line is out, its key never stored
        assertThat(keys.stored).containsExactly("http://127.0.0.2/a");

        OutputSession second = open(config);
        assertThat(second.linesRead()).as("only the line after the mark is read").isEqualTo(1);
        assertThat(keys.stored).as("b's key stored at the start").contains("http://127.0.0.2/a", "http://127.0.0.2/b");
        ArticleDeduper deduper = new ArticleDeduper(keys, false);
        assertThat(TestArticles.firstTime(deduper, TestArticles.minimal("http://127.0.0.2/a"))).isFalse();
        assertThat(TestArticles.firstTime(deduper, TestArticles.minimal("http://127.0.0.2/b"))).isFalse();
        assertThat(TestArticles.firstTime(deduper, TestArticles.minimal("http://127.0.0.2/c"))).isTrue();
        second.write(TestArticles.minimal("http://127.0.0.2/c"));
        second.close();

        List<String> lines = allLines();
        assertThat(lines).hasSize(3);
        assertThat(lines.stream().filter(l -> l.contains("127.0.0.2/b"))).hasSize(1);
    }

    @Test
    void aTornLastLineIsCutBeforeAnythingIsReadOrWritten() throws Exception {
        OutputConfig config = new OutputConfig(dir, 1 << 20);
        OutputSession first = open(config);
        write(first, "http://127.0.0.2/a");
        first.syncAndMark();
        Path file = dir.resolve("articles-0001.jsonl");
        Files.writeString(file, "{\"schema\":\"herald.article/1\",\"url\":\"http://127.0.0.2/torn", StandardOpenOption.APPEND);

        OutputSession second = open(config);
        assertThat(second.linesRead()).isZero();
        assertThat(TestArticles.firstTime(new ArticleDeduper(keys, false), TestArticles.minimal("http://127.0.0.2/torn")))
                .as("a torn line is no article").isTrue();
        second.write(TestArticles.minimal("http://127.0.0.2/torn"));
        second.close();
        assertThat(Files.readAllLines(file)).as("the torn line is gone").hasSize(1);
        List<String> lines = allLines();
        assertThat(lines).hasSize(2);
        assertThat(lines).allSatisfy(line -> assertThat(line).startsWith("{").endsWith("}"));
    }

    @Test
    void earlierKeysAreStoredBeforeTheLeftoverFileIsCompressed() throws Exception {
        OutputConfig config = new OutputConfig(dir, 1 << 20, Duration.ZERO, true);
        OutputSession first = open(config);
        write(first, "http://127.0.0.2/a"); // then kill -9: the plain file is left, its key unstored
        Path plain = dir.resolve("articles-0001.jsonl");
        List<Boolean> plainThereAtMark = new ArrayList<>();
        keys.onMarked = () -> plainThereAtMark.add(Files.exists(plain));

        open(config);
        assertThat(keys.stored).contains("http://127.0.0.2/a");
        assertThat(keys.marksSeen).first().isEqualTo("2:0");
        assertThat(plainThereAtMark).first().as("keys stored while the file was still in the folder").isEqualTo(true);
        assertThat(dir.resolve("articles-0001.jsonl.gz")).exists();
        assertThat(plain).doesNotExist();
    }
}
