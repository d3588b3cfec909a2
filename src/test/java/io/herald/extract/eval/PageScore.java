package io.herald.extract.eval;

import java.util.List;

/**
 * The score of one evaluation page. Body precision and recall are on 4-word shingles; when the extractor
 * wrote no article for an article page both are 0. {@code article} is false for pages whose expected type
 * is not an article: they count only towards the page-type accuracy (and flags).
 */
public record PageScore(String name, boolean article, String expectedType, String actualType, double precision,
                        double recall, boolean title, boolean date, boolean authors, double relatedRecall, double relatedPrecision,
                        boolean flags, List<String> notes) {

    public PageScore {
        notes = List.copyOf(notes);
    }

    public boolean typeOk() {
        return expectedType.equals(actualType);
    }

    public double f1() {
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }
}
