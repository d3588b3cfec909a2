package io.herald.extract.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scoring of real pages, the per-set figures, and a run that survives pages it cannot score. */
class RealEvaluationTest {
    private static final Path PAGES = Path.of("src/test/resources/eval/pages");

    @TempDir
    Path dir;

    private static RealPage snippets(String id, List<String> with, List<String> without) {
        return RealPage.snippets("trafilatura", id, Path.of(id), "http://x.example/", with, without);
    }

    @Test
    void snippetsAreMatchedAfterWhitespaceIsNormalised() {
        RealPage page = snippets("a", List.of("two  words", "absent text", "third\nsnippet"), List.of("Impressum", "menu"));

        RealPageScore s = RealEvaluation.score(page, "Some two words\n\nand a third snippet. Impressum", "ok", 0);

        assertThat(s.found()).isEqualTo(2);
        assertThat(s.leaked()).isEqualTo(1);
        assertThat(s.recall()).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(s.precision()).isCloseTo(2 / 3.0, within(1e-9));
    }

    @Test
    void whitespaceIsWhatPythonCallsWhitespaceAsInTrafilaturasNorm() {
        RealPage page = snippets("u", List.of("no\u00a0break", "thin\u2009space", "ideographic\u3000space"), List.of());

        RealPageScore s = RealEvaluation.score(page, "no break, thin  space, ideographic\u001fspace", "ok", 0);

        assertThat(s.found()).isEqualTo(3);
        assertThat(RealEvaluation.normalize("\u00a0 a\u2028b\u3000")).isEqualTo("a b");
    }

    @Test
    void textIsScoredOnShinglesAndAnEmptyOutputScoresZero() {
        RealPage page = RealPage.text("readability", "t", Path.of("t"), null, "one two three four five six");

        RealPageScore half = RealEvaluation.score(page, "one two three four five", "ok", 0);
        RealPageScore none = RealEvaluation.score(page, "", "front", 0);

        assertThat(half.precision()).isEqualTo(1.0);
        assertThat(half.recall()).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(none.precision()).isZero();
        assertThat(none.recall()).isZero();
        assertThat(none.truthWords()).isEqualTo(6);
    }

    @Test
    void snippetSetsSumTheirCountsOverPagesAsTrafilaturaDoes() {
        RealPageScore a = new RealPageScore("trafilatura", "a", "ok", 1, 1, 10, 0, 3, 3, 0, 2, 0);
        RealPageScore b = new RealPageScore("trafilatura", "b", "front", 0, 0, 0, 0, 0, 1, 0, 3, 0);

        RealEvalReport.Row row = new RealEvalReport(List.of(a, b)).rows().get(0);

        assertThat(row.snippets()).isTrue();
        assertThat(row.precision()).isEqualTo(1.0); // tp 3, fp 0
        assertThat(row.recall()).isCloseTo(0.75, within(1e-9)); // fn 1
        assertThat(row.accuracy()).isCloseTo(8 / 9.0, within(1e-9)); // tp 3 + tn 5 of 9
        assertThat(row.noArticle()).isEqualTo(1);
        assertThat(row.articleRecall()).isEqualTo(1.0);
    }

    @Test
    void worstRecallPutsTheBiggestLossFirstAndNamesEveryPage() {
        RealPageScore small = new RealPageScore("readability", "small", "other", 0, 0, 0, 50, 0, 0, 0, 0, 0);
        RealPageScore big = new RealPageScore("readability", "big", "front", 0, 0, 0, 900, 0, 0, 0, 0, 0);
        RealPageScore fine = new RealPageScore("readability", "fine", "ok", 0.9, 0.95, 400, 400, 0, 0, 0, 0, 0);
        RealPageScore cut = new RealPageScore("readability", "cut", "ok", 1, 0.4, 100, 250, 0, 0, 0, 0, 0);
        RealEvalReport report = new RealEvalReport(List.of(fine, small, cut, big));

        assertThat(report.worstRecall(3)).extracting(RealPageScore::id).containsExactly("big", "small", "cut");
        assertThat(report.worstArticleRecall(5)).extracting(RealPageScore::id).containsExactly("cut", "fine");
        assertThat(report.table(2)).containsSubsequence("worst recall (top 2)", " big ", " small ",
                "among pages written as articles", " cut ", " fine ");
    }

    @Test
    void aPageThatCannotBeReadScoresZeroIsNamedAndTheRunGoesOn() throws IOException {
        String name = "bad-dates-sewage-data";
        JsonObject expected = Evaluation.expected(PAGES, name);
        String truth = String.join("\n\n", Evaluation.strings(expected, "paragraphs"));
        Path good = dir.resolve("good.html");
        Files.copy(PAGES.resolve(name + ".html"), good);
        List<RealPage> pages = List.of(
                RealPage.text("readability", "missing", dir.resolve("no-such-file.html"), null, "some text to find here"),
                RealPage.text("readability", "good", good, expected.getString("url"), truth));
        List<RealPageScore> seen = new ArrayList<>();

        RealEvalReport report = new RealEvaluation(EvalMain.defaultExtractor(), 60_000).run(pages, seen::add);

        assertThat(seen).hasSize(2);
        RealPageScore missing = report.pages().get(0);
        assertThat(missing.failed()).isTrue();
        assertThat(missing.status()).contains("NoSuchFileException");
        assertThat(missing.recall()).isZero();
        RealPageScore scored = report.pages().get(1);
        assertThat(scored.ok()).isTrue();
        assertThat(scored.recall()).isGreaterThan(0.9);
        assertThat(report.rows().get(0).failed()).isEqualTo(1);
        assertThat(report.table(5)).contains("failed pages (scored 0)", "readability missing: failed");
        assertThat(report.json(5).getJsonArray("failed").getJsonObject(0).getString("page")).isEqualTo("missing");
    }

    @Test
    void savedTextsAreScoredExactlyAsTheExtractorsOutputAndAMissingOneIsNoArticle() throws IOException {
        String name = "bad-dates-sewage-data";
        JsonObject expected = Evaluation.expected(PAGES, name);
        String truth = String.join("\n\n", Evaluation.strings(expected, "paragraphs"));
        RealPage page = RealPage.text("readability", "good/1", PAGES.resolve(name + ".html"), expected.getString("url"), truth);
        RealPage absent = RealPage.text("readability", "absent", PAGES.resolve(name + ".html"), null, truth);
        RealPage blank = snippets("blank", List.of("x"), List.of("y"));
        RealPageScore herald = new RealEvaluation(EvalMain.defaultExtractor(), 60_000).run(List.of(page), s -> { })
                .pages().get(0);
        Path texts = dir.resolve("texts");
        String heraldText = EvalMain.defaultExtractor().extract(page.bytes(), null, page.url()).article().text();
        Files.createDirectories(texts.resolve("readability"));
        Files.writeString(texts.resolve("readability/good%2F1.txt"), heraldText);
        Files.createDirectories(texts.resolve("trafilatura"));
        Files.writeString(texts.resolve("trafilatura/blank.txt"), " \n");

        RealEvalReport report = new RealEvaluation(PageText.files(texts), 60_000).run(List.of(page, absent, blank), s -> { });

        RealPageScore saved = report.pages().get(0);
        assertThat(saved.ok()).isTrue();
        assertThat(saved.precision()).isEqualTo(herald.precision());
        assertThat(saved.recall()).isEqualTo(herald.recall());
        assertThat(saved.gotWords()).isEqualTo(herald.gotWords());
        assertThat(report.pages().get(1).status()).isEqualTo(PageText.NO_FILE);
        assertThat(report.pages().get(1).recall()).isZero();
        assertThat(report.pages().get(2).status()).isEqualTo(PageText.EMPTY);
        assertThat(report.pages().get(2).found()).isZero();
        assertThat(report.rows()).extracting(RealEvalReport.Row::noArticle).containsExactly(1, 1);
        assertThat(report.rows()).extracting(RealEvalReport.Row::failed).containsExactly(0, 0);
    }

    @Test
    void missingRunsAreTheTruthsUncoveredStretches() {
        String truth = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi";
        String got = "alpha beta gamma delta epsilon";

        assertThat(RealEvalMain.missingRuns(truth, got, 6))
                .containsExactly("zeta eta theta iota kappa lambda mu nu xi");
        assertThat(RealEvalMain.missingRuns(truth, truth, 1)).isEmpty();
    }
}
