package io.herald.extract.eval;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Related-link figures per set, over the pages whose truth marks related links. Recall is the mean over those
 * pages (a page without an article, or without links found, recalls 0). Precision is the mean over the pages
 * where the extractor found at least one link: on a page where it found none there is nothing to be wrong
 * about, and counting it as 1 (the hand-written set's convention) would reward finding nothing. The micro
 * figures pool the links of all pages: matched / found and matched / truth.
 */
public record RelatedReport(List<RelatedPageScore> pages) {

    public RelatedReport {
        pages = List.copyOf(pages);
    }

    /** The figures of one set. */
    public record Row(String dataset, int pages, int pagesFound, int truth, int found, int matched,
                      double precision, double recall, double microPrecision, double microRecall) {

        public double f1() {
            return harmonic(precision, recall);
        }
    }

    public List<Row> rows() {
        Map<String, List<RelatedPageScore>> sets = new LinkedHashMap<>();
        pages.forEach(p -> sets.computeIfAbsent(p.dataset(), k -> new ArrayList<>()).add(p));
        return sets.entrySet().stream().map(e -> row(e.getKey(), e.getValue())).toList();
    }

    private static Row row(String dataset, List<RelatedPageScore> ps) {
        List<RelatedPageScore> withFound = ps.stream().filter(p -> !p.found().isEmpty()).toList();
        int truth = ps.stream().mapToInt(p -> p.truth().size()).sum();
        int found = ps.stream().mapToInt(p -> p.found().size()).sum();
        int matched = ps.stream().mapToInt(RelatedPageScore::matched).sum();
        double precision = withFound.stream().mapToDouble(RelatedPageScore::precision).average().orElse(0);
        double recall = ps.stream().mapToDouble(RelatedPageScore::recall).average().orElse(0);
        return new Row(dataset, ps.size(), withFound.size(), truth, found, matched, precision, recall,
                found == 0 ? 0 : matched / (double) found, truth == 0 ? 0 : matched / (double) truth);
    }

    public String table() {
        StringBuilder sb = new StringBuilder("\nrelated-story links (pages whose annotation marks them)\n");
        String head = String.format(Locale.ROOT, "%-22s %6s %6s  %6s %6s %6s  %6s %6s %7s  %7s %7s%n", "dataset",
                "pages", "found", "P", "R", "F1", "truth", "found", "matched", "microP", "microR");
        sb.append(head).append("-".repeat(head.length() - 1)).append('\n');
        for (Row r : rows()) {
            sb.append(String.format(Locale.ROOT, "%-22s %6d %6d  %6.3f %6.3f %6.3f  %6d %6d %7d  %7.3f %7.3f%n",
                    r.dataset(), r.pages(), r.pagesFound(), r.precision(), r.recall(), r.f1(), r.truth(), r.found(),
                    r.matched(), r.microPrecision(), r.microRecall()));
        }
        sb.append("R: mean over the pages; P: mean over the pages where links were found (second column);"
                + " micro: links pooled over pages.\n");
        return sb.toString();
    }

    public JsonArray json() {
        JsonArray out = new JsonArray();
        for (Row r : rows()) {
            out.add(new JsonObject().put("dataset", r.dataset()).put("pages", r.pages())
                    .put("pagesFound", r.pagesFound()).put("precision", round(r.precision()))
                    .put("recall", round(r.recall())).put("f1", round(r.f1())).put("truth", r.truth())
                    .put("found", r.found()).put("matched", r.matched())
                    .put("microPrecision", round(r.microPrecision())).put("microRecall", round(r.microRecall())));
        }
        return out;
    }

    private static double harmonic(double p, double r) {
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
