package io.herald.extract.eval;

import io.herald.extract.ArticleExtractor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Gets each real page's text (from Herald's extractor, or another tool's saved output: {@link PageText}), one
 * page at a time on one worker thread, and scores each. Robust by
 * design: a page that cannot be read, makes the extractor throw, or runs past the time limit scores 0 and is
 * named in its status; it never stops the run.
 */
public final class RealEvaluation {
    /**
     * Python's {@code \s} on str, which trafilatura's {@code eval_common.norm} uses: Unicode white space (no-break
     * space, thin space, ...) and the separators U+001C to U+001F. Java's plain {@code \s} is ASCII only, which
     * moved 9 snippet verdicts of trafilatura's own output on its set (F1 0.9245 instead of its 0.9248).
     */
    private static final Pattern SPACE = Pattern.compile("[\\s\\x1c-\\x1f]+", Pattern.UNICODE_CHARACTER_CLASS);

    private final PageText source;
    private final long timeoutMillis;

    public RealEvaluation(ArticleExtractor extractor, long timeoutMillis) {
        this(extractor, timeoutMillis, false);
    }

    /** Herald's extractor; {@code withTitle} as {@link PageText#herald(ArticleExtractor, boolean)} says. */
    public RealEvaluation(ArticleExtractor extractor, long timeoutMillis, boolean withTitle) {
        this(PageText.herald(extractor, withTitle), timeoutMillis);
    }

    /** Any source of page texts, e.g. {@link PageText#files} for another extractor's output. */
    public RealEvaluation(PageText source, long timeoutMillis) {
        this.source = source;
        this.timeoutMillis = timeoutMillis;
    }

    public RealEvalReport run(List<RealPage> pages, Consumer<RealPageScore> progress) {
        List<RealPageScore> out = new ArrayList<>();
        ExecutorService worker = Executors.newSingleThreadExecutor(RealEvaluation::daemon);
        try {
            for (RealPage page : pages) {
                Outcome o = extract(worker, page);
                if (o.timedOut) {
                    worker.shutdownNow(); // the stuck thread is a daemon: it cannot keep the JVM alive
                    worker = Executors.newSingleThreadExecutor(RealEvaluation::daemon);
                }
                RealPageScore s = score(page, o.text, o.status, o.micros);
                out.add(s);
                progress.accept(s);
            }
        } finally {
            worker.shutdownNow();
        }
        return new RealEvalReport(out);
    }

    private record Outcome(String text, String status, long micros, boolean timedOut) {
    }

    private Outcome extract(ExecutorService worker, RealPage page) {
        long start = System.nanoTime();
        Future<PageText.Text> f = worker.submit(() -> source.of(page));
        try {
            PageText.Text t = f.get(timeoutMillis, TimeUnit.MILLISECONDS);
            return new Outcome(t.text(), t.status(), (System.nanoTime() - start) / 1000, false);
        } catch (ExecutionException e) {
            return new Outcome("", "failed: " + e.getCause(), (System.nanoTime() - start) / 1000, false);
        } catch (TimeoutException e) {
            f.cancel(true);
            return new Outcome("", "failed: over " + timeoutMillis + " ms", timeoutMillis * 1000, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Scores one page's extracted text (empty when there was no article) against what the set expects. */
    static RealPageScore score(RealPage page, String text, String status, long micros) {
        int gotWords = Shingles.tokens(text).size();
        if (page.snippetScored()) {
            String got = normalize(text);
            int found = (int) page.with().stream().filter(w -> got.contains(normalize(w))).count();
            int leaked = (int) page.without().stream().filter(w -> got.contains(normalize(w))).count();
            double precision = found + leaked == 0 ? (got.isEmpty() ? 0 : 1) : found / (double) (found + leaked);
            double recall = page.with().isEmpty() ? 1 : found / (double) page.with().size();
            return new RealPageScore(page.dataset(), page.id(), status, precision, recall, gotWords, 0, found,
                    page.with().size(), leaked, page.without().size(), micros);
        }
        Shingles got = Shingles.of(text);
        Shingles want = Shingles.of(page.truth());
        int overlap = got.overlap(want);
        double precision = got.size() == 0 ? 0 : overlap / (double) got.size();
        double recall = want.size() == 0 ? 1 : overlap / (double) want.size();
        return new RealPageScore(page.dataset(), page.id(), status, precision, recall, gotWords,
                Shingles.tokens(page.truth()).size(), 0, 0, 0, 0, micros);
    }

    /** Whitespace-normalised, as trafilatura's {@code eval_common.norm} does before its substring match. */
    static String normalize(String s) {
        return SPACE.matcher(s).replaceAll(" ").strip();
    }

    private static Thread daemon(Runnable r) {
        Thread t = new Thread(r, "real-eval");
        t.setDaemon(true);
        return t;
    }
}
