package io.herald.sink;

import io.herald.model.Article;
import io.herald.model.Fault;
import io.herald.model.HttpCapture;
import io.herald.model.WarcRef;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleIntakeTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final FakeOutput output = new FakeOutput();
    private final ArticleIntake intake = new ArticleIntake(new ArticleDeduper(new InMemoryWrittenKeys(), false),
            new SinkCounters(registry), output);

    /** Records what it is asked to do; each write waits for the test to finish it. */
    private static final class FakeOutput implements ArticleIntake.Output {
        final List<String> calls = new ArrayList<>();
        final List<Promise<Void>> writes = new ArrayList<>();
        Fault fault;

        @Override public Fault fault() { return fault; }

        @Override
        public Future<Void> write(Article article) {
            calls.add("write " + article.url() + (article.update() ? " v" + article.version() : ""));
            Promise<Void> write = Promise.promise();
            writes.add(write);
            return write.future();
        }

        @Override
        public Future<WarcRef> record(HttpCapture capture) {
            calls.add("record " + capture.url());
            return fault != null ? Future.failedFuture("full") : Future.succeededFuture(new WarcRef("f.warc.gz", 0));
        }

        @Override public Future<Void> sync() { calls.add("sync"); return Future.succeededFuture(); }

        @Override public Future<Void> rotateIfDue() { calls.add("rotate"); return Future.succeededFuture(); }
    }

    private double count(String result) {
        return registry.get(SinkCounters.NAME).tag("result", result).counter().count();
    }

    @Test
    void aCopyThatArrivesWhileTheFirstIsBeingWrittenIsADuplicate() {
        Future<Boolean> first = intake.take(TestArticles.minimal("http://news.test/a"));
        Future<Boolean> copy = intake.take(TestArticles.minimal("http://news.test/a"));
        assertThat(copy.result()).isFalse();
        output.writes.get(0).complete();
        assertThat(first.result()).isTrue();
        assertThat(output.calls).containsExactly("write http://news.test/a");
        assertThat(count("written")).isEqualTo(1.0);
        assertThat(count("duplicate")).isEqualTo(1.0);
    }

    @Test
    void withVersionsAChangedTextIsWrittenAsTheNextVersionAndAFailedOneIsRetriedAsTheSame() {
        ArticleIntake versions = new ArticleIntake(new ArticleDeduper(new InMemoryWrittenKeys(), true),
                new SinkCounters(registry), output);
        versions.take(TestArticles.withCanonical("http://news.test/u", null));
        output.writes.get(0).complete();
        Article changed = new Article("http://news.test/u", TestArticles.FETCHED, 200, "news.test", 1, null,
                io.herald.model.Via.LINK, TestArticles.minimalContent(null, "A new text."));
        assertThat(versions.take(TestArticles.withCanonical("http://news.test/u", null)).result()).isFalse();
        versions.take(changed);
        output.writes.get(1).fail("No space left on device");
        versions.take(changed);
        output.writes.get(2).complete();
        assertThat(versions.take(changed).result()).isFalse();
        assertThat(output.calls).containsExactly("write http://news.test/u", "write http://news.test/u v2",
                "write http://news.test/u v2");
        assertThat(count("written")).isEqualTo(2.0);
        assertThat(count("duplicate")).isEqualTo(2.0);
    }

    @Test
    void aFailedWriteGivesTheKeyBackSoTheArticleCanBeWrittenLater() {
        Future<Boolean> first = intake.take(TestArticles.minimal("http://news.test/a"));
        output.writes.get(0).fail("No space left on device");
        assertThat(first.cause()).hasMessageContaining("sink write failed").hasMessageContaining("No space left");
        intake.take(TestArticles.minimal("http://news.test/a"));
        assertThat(output.writes).as("taken again, not a duplicate").hasSize(2);
        assertThat(count("failed")).isEqualTo(1.0);
    }

    @Test
    void afterAFaultNothingIsTakenAndNothingIsSyncedOrRotated() {
        output.fault = new Fault("output.dir", "out", "No space left on device", true);
        Future<Boolean> taken = intake.take(TestArticles.minimal("http://news.test/a"));
        intake.everySecond();
        assertThat(taken.cause()).hasMessageStartingWith("sink stopped: output.dir out is full");
        assertThat(output.calls).isEmpty();
        assertThat(count("failed")).isEqualTo(1.0);
    }

    @Test
    void eachSecondSyncsOnlyAfterAWriteAndAlwaysChecksRotation() {
        intake.everySecond();
        assertThat(output.calls).containsExactly("rotate");
        intake.take(TestArticles.minimal("http://news.test/a"));
        output.writes.get(0).complete();
        output.calls.clear();
        intake.everySecond();
        intake.everySecond();
        assertThat(output.calls).containsExactly("sync", "rotate", "rotate");
    }

    @Test
    void aSyncAskedForCoversTheWritesSoTheNextSecondDoesNotSyncAgain() {
        intake.take(TestArticles.minimal("http://news.test/a"));
        output.writes.get(0).complete();
        output.calls.clear();
        assertThat(intake.sync().succeeded()).isTrue();
        intake.everySecond();
        assertThat(output.calls).containsExactly("sync", "rotate");
    }

    @Test
    void aRecordedExchangeIsSyncedTheNextSecondAndNothingIsRecordedAfterAFault() {
        Future<WarcRef> ref = intake.record(WarcOutputTest.capture("/a", 200, "<p>a</p>"));
        assertThat(ref.result()).isEqualTo(new WarcRef("f.warc.gz", 0));
        intake.everySecond();
        assertThat(output.calls).containsExactly("record http://127.0.0.1:8080/a", "sync", "rotate");

        output.calls.clear();
        output.fault = new Fault("output.dir", "out", "No space left on device", true);
        Future<WarcRef> refused = intake.record(WarcOutputTest.capture("/b", 200, "<p>b</p>"));
        assertThat(refused.cause()).hasMessageStartingWith("sink stopped: output.dir out is full");
        assertThat(output.calls).isEmpty();
    }

    /** Answers each claim as told (granted by default) and records what it is asked. */
    private static final class FakeClaims implements ArticleClaims {
        final List<List<String>> claimed = new ArrayList<>();
        final List<List<String>> released = new ArrayList<>();
        final List<List<String>> confirmed = new ArrayList<>();
        Future<Boolean> answer = Future.succeededFuture(true);

        @Override
        public Future<Boolean> claim(List<String> keys) {
            claimed.add(keys);
            return answer;
        }

        @Override
        public Future<Void> release(List<String> keys) {
            released.add(keys);
            return Future.succeededFuture();
        }

        @Override
        public Future<Void> confirm(List<String> keys) {
            confirmed.add(keys);
            return Future.succeededFuture();
        }
    }

    private final FakeClaims claims = new FakeClaims();
    private final List<Fault> faults = new ArrayList<>();
    private final ArticleDeduper clusterDeduper = new ArticleDeduper(new InMemoryWrittenKeys(), false);
    private final ArticleIntake clustered = new ArticleIntake(clusterDeduper, new SinkCounters(registry), output,
            claims, faults::add);

    @Test
    void anArticleAnotherNodeClaimedIsADuplicateNotWrittenAndNotAskedForAgain() {
        claims.answer = Future.succeededFuture(false);
        assertThat(clustered.take(TestArticles.minimal("http://news.test/a")).result()).isFalse();
        assertThat(clustered.take(TestArticles.minimal("http://news.test/a")).result()).isFalse();
        assertThat(claims.claimed).containsExactly(List.of("http://news.test/a"));
        assertThat(output.calls).isEmpty();
        assertThat(count("duplicate")).isEqualTo(2.0);
        assertThat(count("written")).isZero();
    }

    @Test
    void aFailedClaimStopsTheSinkWithoutWritingSoThePageIsNeverCommittedAsDone() {
        claims.answer = Future.failedFuture("HazelcastInstanceNotActiveException");
        Future<Boolean> taken = clustered.take(TestArticles.minimal("http://news.test/a"));
        assertThat(taken.cause()).hasMessageContaining("article claim failed")
                .hasMessageContaining("HazelcastInstanceNotActiveException");
        assertThat(output.calls).as("nothing written").isEmpty();
        assertThat(count("failed")).isEqualTo(1.0);
        assertThat(faults).singleElement().satisfies(f -> assertThat(f.reason()).startsWith("cluster article claims"));
        assertThat(TestArticles.firstTime(clusterDeduper, TestArticles.minimal("http://news.test/a")))
                .as("the deduper forgot it: a resume writes it").isTrue();

        Future<Boolean> next = clustered.take(TestArticles.minimal("http://news.test/b"));
        assertThat(next.cause()).hasMessageStartingWith("sink stopped: cluster article claims");
        assertThat(clustered.sync().failed()).as("no checkpoint commits the page as done").isTrue();
        clustered.everySecond();
        assertThat(output.calls).isEmpty();
        assertThat(claims.claimed).hasSize(1);
        assertThat(faults).as("reported once").hasSize(1);
    }

    @Test
    void theClaimsOfLinesWrittenBeforeASyncAreConfirmedOnceItIsDone() {
        clustered.take(TestArticles.minimal("http://news.test/a"));
        clustered.take(TestArticles.minimal("http://news.test/b"));
        output.writes.get(0).complete();
        output.writes.get(1).complete();
        assertThat(claims.confirmed).as("not before the sync").isEmpty();
        assertThat(clustered.sync().succeeded()).isTrue();
        assertThat(claims.confirmed).containsExactly(List.of("http://news.test/a", "http://news.test/b"));

        clustered.take(TestArticles.minimal("http://news.test/c"));
        output.writes.get(2).complete();
        clustered.everySecond();
        clustered.everySecond(); // nothing new: no second confirmation
        assertThat(claims.confirmed).containsExactly(List.of("http://news.test/a", "http://news.test/b"),
                List.of("http://news.test/c"));
    }

    @Test
    void withVersionsTheVersionAndTextKeysAreClaimedAndAFailedWriteReleasesThem() {
        ArticleIntake versions = new ArticleIntake(new ArticleDeduper(new InMemoryWrittenKeys(), true),
                new SinkCounters(registry), output, claims, faults::add);
        Article a = TestArticles.withCanonical("http://news.test/u", null);
        String text = "http://news.test/u#" + ArticleJson.contentHash("Some text here.");
        Future<Boolean> taken = versions.take(a);
        output.writes.get(0).fail("No space left on device");
        assertThat(taken.failed()).isTrue();
        assertThat(claims.claimed).containsExactly(List.of("http://news.test/u", text));
        assertThat(claims.released).containsExactly(List.of("http://news.test/u", text));
        assertThat(faults).as("a failed write is the output's fault, not the claims'").isEmpty();
    }
}
