package io.herald.extract.eval;

import java.util.List;

/**
 * Related-story links on one real page: the links its annotation marks ({@code truth}, in page order) and the
 * ones the extractor wrote ({@code found}, in its order), compared as URLs. {@code status} is {@code ok}, the page
 * type written instead of an article (no article: nothing found), or why the page failed.
 */
public record RelatedPageScore(String dataset, String id, String status, List<String> truth, List<String> found) {

    public RelatedPageScore {
        truth = List.copyOf(truth);
        found = List.copyOf(found);
    }

    /** Links found that the truth has. */
    public int matched() {
        return (int) found.stream().filter(truth::contains).count();
    }

    /** Share of the links found that the truth has; NaN when nothing was found (see {@link RelatedReport}). */
    public double precision() {
        return found.isEmpty() ? Double.NaN : matched() / (double) found.size();
    }

    public double recall() {
        return truth.isEmpty() ? 1 : truth.stream().filter(found::contains).count() / (double) truth.size();
    }
}
