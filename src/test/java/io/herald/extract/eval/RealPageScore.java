package io.herald.extract.eval;

/**
 * How the extractor did on one real page. For a text-scored page, precision and recall are on 4-word
 * shingles; for a snippet-scored page they are over its snippets ({@code found} of {@code with} must-appear
 * snippets, {@code leaked} of {@code without} must-not-appear ones). A page the extractor wrote no article for
 * has an empty text: recall 0 (and precision 0). {@code status} is {@code ok}, the page type it was given
 * instead of an article (with its flags), or why it failed; the run goes on either way.
 */
public record RealPageScore(String dataset, String id, String status, double precision, double recall,
                            int gotWords, int truthWords, int found, int with, int leaked, int without,
                            long micros) {
    static final String OK = "ok";

    public double f1() {
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    public boolean ok() {
        return OK.equals(status);
    }

    public boolean failed() {
        return status.startsWith("failed");
    }
}
