package io.herald.extract.eval;

import io.herald.extract.ArticleExtractor;
import io.herald.model.ExtractResult;
import io.herald.model.RelatedLink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Scores the related-story links the extractor writes on the real pages whose set marks related links (today
 * L3S-GN1 only, see {@link L3sRelatedTruth}). Kept apart from {@link RealEvaluation}: a second, small pass over
 * the few pages that have such a truth, so the body scoring is untouched.
 */
public final class RelatedEvaluation {
    static final String L3S = "l3s-gn1";

    /** A page and the related-story URLs its annotation marks. */
    public record Case(RealPage page, List<String> truth) {
        public Case {
            truth = List.copyOf(truth);
        }
    }

    private final ArticleExtractor extractor;
    private final long timeoutMillis;

    public RelatedEvaluation(ArticleExtractor extractor, long timeoutMillis) {
        this.extractor = extractor;
        this.timeoutMillis = timeoutMillis;
    }

    /** The pages among {@code pages} that have a related-link truth, with it. */
    public static List<Case> cases(List<RealPage> pages) {
        List<Case> out = new ArrayList<>();
        for (RealPage p : pages) {
            List<String> truth = truth(p);
            if (!truth.isEmpty()) {
                out.add(new Case(p, truth));
            }
        }
        return out;
    }

    /** The page's related-link truth, empty when its set has none or its annotation marks none. */
    static List<String> truth(RealPage p) {
        if (!p.dataset().equals(L3S)) {
            return List.of();
        }
        try {
            return L3sRelatedTruth.read(p.html(), p.url());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the annotation of " + p.html(), e);
        }
    }

    public RelatedReport run(List<Case> cases) {
        List<RelatedPageScore> out = new ArrayList<>();
        ExecutorService worker = Executors.newSingleThreadExecutor(RelatedEvaluation::daemon);
        try {
            for (Case c : cases) {
                Future<ExtractResult> f = worker.submit(() -> extractor.extract(c.page().bytes(), null, c.page().url()));
                try {
                    out.add(score(c, f.get(timeoutMillis, TimeUnit.MILLISECONDS)));
                } catch (ExecutionException e) {
                    out.add(new RelatedPageScore(c.page().dataset(), c.page().id(), "failed: " + e.getCause(), c.truth(), List.of()));
                } catch (TimeoutException e) {
                    f.cancel(true);
                    worker.shutdownNow(); // the stuck thread is a daemon: it cannot keep the JVM alive
                    worker = Executors.newSingleThreadExecutor(RelatedEvaluation::daemon);
                    out.add(new RelatedPageScore(c.page().dataset(), c.page().id(), "failed: over " + timeoutMillis + " ms",
                            c.truth(), List.of()));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            worker.shutdownNow();
        }
        return new RelatedReport(out);
    }

    /** The extractor's related links against the truth; a page written as no article found none. */
    static RelatedPageScore score(Case c, ExtractResult r) {
        if (r.article() == null) {
            String flags = r.flags().isEmpty() ? "" : " " + r.flags();
            return new RelatedPageScore(c.page().dataset(), c.page().id(), r.type().name().toLowerCase(Locale.ROOT) + flags,
                    c.truth(), List.of());
        }
        List<String> found = r.article().related().stream().map(RelatedLink::url).toList();
        return new RelatedPageScore(c.page().dataset(), c.page().id(), RealPageScore.OK, c.truth(), found);
    }

    /** The case for {@code page}, or null: for {@code --page}. */
    static Case caseOf(RealPage page) {
        List<String> truth = truth(page);
        return truth.isEmpty() ? null : new Case(page, truth);
    }

    private static Thread daemon(Runnable r) {
        Thread t = new Thread(r, "related-eval");
        t.setDaemon(true);
        return t;
    }
}
