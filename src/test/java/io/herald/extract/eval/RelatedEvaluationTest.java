package io.herald.extract.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The L3S-GN1 related-link truth, read from a miniature annotated page, and the related-link figures. */
class RelatedEvaluationTest {
    private static final String URL = "http://news.example/2008/01/10/bus-depot-approved.html";

    @TempDir
    Path dir;

    private static final String ORIGINAL = """
            <html><head><title>Bus depot approved</title></head><body>
            <div class="nav"><a href="/">Home</a> <a href="/news/">News</a></div>
            <h1>Council approves the new bus depot</h1>
            <p>The council approved the depot on Tuesday after a long debate, as <a href="/2008/01/02/vote.html">reported
            last week</a>. Building starts in spring and will take two years, the council's planners said.</p>
            <p>Residents had objected to the noise of night buses, and the plan now limits them to six an hour.</p>
            <p>The depot will hold ninety buses, a workshop and a wash hall, and it replaces two older sites in the
            town centre that the operator has wanted to leave for a decade, its manager told the meeting.</p>
            <p>Opponents said they would study the decision, which the regional authority still has to confirm, and
            that a legal challenge was not ruled out if the limits on night traffic were not written into the permit.</p>
            <p>Work on the access road is to begin in March, with the first buses expected to move in during the
            summer of the following year, provided that the contractor keeps to the schedule it has promised.</p>
            <a href="http://ads.example/click">Buy a car today</a>
            <div class="box"><h3>Related stories</h3><ul>
            <li><a href="/2008/01/08/depot-vote-delayed.html#top"><img src="/t.jpg"></a>
                <a href="/2008/01/08/depot-vote-delayed.html">Depot vote delayed by a week</a></li>
            <li><a href="http://other.example/2008/01/05/night-buses.html">Night buses anger residents</a></li>
            <li><a href="/news/">More news</a></li>
            <li><a href="/tag/buses/">Bus services in town</a></li>
            <li><a href="/2008/01/01/short.html">Short</a></li>
            <li><a href="/2008/01/10/bus-depot-approved.html">This very story again</a></li>
            <li><a href="mailto:desk@news.example">Write to the news desk</a></li>
            </ul></div>
            <div class="about"><a href="/2008/01/09/partly.html">Partly marked link text</a></div>
            </body></html>
            """;

    /** The annotators' copy: hrefs neutralised, the ad gone, labels as spans, the related box labelled 4. */
    private static final String ANNOTATED = """
            <html><body>
            <div class="nav"><a href="javascript:void(0)">Home</a> <a href="javascript:void(0)">News</a></div>
            <h1><span class="x-nc-sel1">Council approves the new bus depot</span></h1>
            <p><span class="x-nc-sel2">The council approved the depot on Tuesday after a long debate, as </span><a
            href="javascript:void(0)"><span class="x-nc-sel2">reported last week</span></a><span class="x-nc-sel2">.
            Building starts in spring.</span></p>
            <span class="x-nc-sel4"><div class="box"><h3>Related stories</h3><ul>
            <li><a href="javascript:void(0)"><img src="/t.jpg"></a>
                <a href="javascript:void(0)">Depot vote delayed by a week</a></li>
            <li><a href="javascript:void(0)">Night buses anger residents</a></li>
            <li><a href="javascript:void(0)">More news</a></li>
            <li><a href="javascript:void(0)">Bus services in town</a></li>
            <li><a href="javascript:void(0)">Short</a></li>
            <li><a href="javascript:void(0)">This very story again</a></li>
            <li><a href="javascript:void(0)">Write to the news desk</a></li>
            </ul></div></span>
            <div class="about"><a href="javascript:void(0)"><span class="x-nc-sel4">Partly marked</span> link text</a></div>
            </body></html>
            """;

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve("l3s-gn1").resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
        return p;
    }

    @Test
    void theTruthIsTheLabelledStoryLinksOfTheOriginalInPageOrder() throws IOException {
        Path original = write("original/p.html", ORIGINAL);
        write("annotated/p.html", ANNOTATED);

        List<String> truth = L3sRelatedTruth.read(original, URL);

        // not: navigation and listings ("More news", /tag/), one-word titles, the page itself, mail, partly labelled
        assertThat(truth).containsExactly("http://news.example/2008/01/08/depot-vote-delayed.html",
                "http://other.example/2008/01/05/night-buses.html");
    }

    @Test
    void aPageWithoutRelatedLabelsOrWithoutAnnotationHasNoTruth() throws IOException {
        Path original = write("original/p.html", ORIGINAL);
        write("annotated/p.html", ANNOTATED.replace("x-nc-sel4", "x-nc-sel3"));
        Path lone = write("original/lone.html", ORIGINAL);

        assertThat(L3sRelatedTruth.read(original, URL)).isEmpty();
        assertThat(L3sRelatedTruth.read(lone, URL)).isEmpty();
        assertThat(RelatedEvaluation.cases(List.of(RealPage.text("l3s-gn1", "lone", lone, URL, "x")))).isEmpty();
    }

    @Test
    void theExtractorsLinksAreScoredAgainstTheTruth() throws IOException {
        Path original = write("original/p.html", ORIGINAL);
        write("annotated/p.html", ANNOTATED);
        RealPage page = RealPage.text("l3s-gn1", "p", original, URL, "Council approves the new bus depot");
        List<RelatedEvaluation.Case> cases = RelatedEvaluation.cases(List.of(page));

        RelatedReport report = new RelatedEvaluation(EvalMain.defaultExtractor(), 60_000).run(cases);

        RelatedPageScore s = report.pages().get(0);
        assertThat(s.status()).isEqualTo("ok");
        assertThat(s.truth()).hasSize(2);
        assertThat(s.found()).contains("http://news.example/2008/01/08/depot-vote-delayed.html");
        assertThat(report.table()).contains("related-story links", "l3s-gn1");
    }

    @Test
    void recallIsMeanOverPagesAndPrecisionOverPagesWithLinksFound() {
        RelatedPageScore half = new RelatedPageScore("l3s-gn1", "a", "ok", List.of("u1", "u2"), List.of("u1", "x"));
        RelatedPageScore none = new RelatedPageScore("l3s-gn1", "b", "front", List.of("u3"), List.of());
        RelatedPageScore all = new RelatedPageScore("l3s-gn1", "c", "ok", List.of("u4"), List.of("u4"));

        RelatedReport.Row row = new RelatedReport(List.of(half, none, all)).rows().get(0);

        assertThat(none.precision()).isNaN();
        assertThat(row.pages()).isEqualTo(3);
        assertThat(row.pagesFound()).isEqualTo(2);
        assertThat(row.recall()).isCloseTo((0.5 + 0 + 1) / 3, within(1e-9));
        assertThat(row.precision()).isCloseTo((0.5 + 1) / 2, within(1e-9));
        assertThat(row.microPrecision()).isCloseTo(2 / 3.0, within(1e-9)); // matched 2 of found 3
        assertThat(row.microRecall()).isCloseTo(2 / 4.0, within(1e-9)); // of truth 4
        assertThat(new RelatedReport(List.of(half)).json().getJsonObject(0).getInteger("matched")).isEqualTo(1);
    }
}
