package io.herald.extract.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The evaluation of {@code scripts/eval-extraction} as a regression gate: the extractor's figures on the
 * evaluation set must not drop below the levels recorded in {@code eval/recorded.json} minus its margin.
 */
class ExtractionEvalTest {
    private static EvalReport report;
    private static JsonObject recorded;
    private static double margin;

    @BeforeAll
    static void evaluate() throws IOException {
        recorded = new JsonObject(Files.readString(Path.of("src/test/resources/eval/recorded.json")));
        margin = recorded.getDouble("margin");
        report = new Evaluation(EvalMain.defaultExtractor()).run(EvalMain.DEFAULT_DIR);
        System.out.print(report.table());
    }

    @Test
    void theSetIsBigEnoughToMeanSomething() {
        assertThat(report.articles()).hasSizeGreaterThanOrEqualTo(40);
    }

    @Test
    void bodyF1HoldsItsLevel() {
        assertThat(report.f1()).as("mean body F1").isGreaterThanOrEqualTo(recorded.getDouble("bodyF1") - margin);
        assertThat(report.precision()).as("mean body precision")
                .isGreaterThanOrEqualTo(recorded.getDouble("bodyPrecision") - margin);
        assertThat(report.recall()).as("mean body recall")
                .isGreaterThanOrEqualTo(recorded.getDouble("bodyRecall") - margin);
    }

    @Test
    void metadataExactMatchHoldsItsLevel() {
        assertThat(report.titleRate()).as("title").isGreaterThanOrEqualTo(recorded.getDouble("title") - margin);
        assertThat(report.dateRate()).as("date").isGreaterThanOrEqualTo(recorded.getDouble("date") - margin);
        assertThat(report.authorRate()).as("author").isGreaterThanOrEqualTo(recorded.getDouble("author") - margin);
    }

    @Test
    void pageTypesHoldTheirLevel() {
        assertThat(report.typeAccuracy()).as("page type")
                .isGreaterThanOrEqualTo(recorded.getDouble("pageType") - margin);
    }
}
