package io.herald.extract.eval;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;

/**
 * Per-set figures over real pages. For a text-scored set, precision and recall are means over pages and F1 is
 * the harmonic mean of the two means (as {@link EvalReport} does for the self-written set); the mean of the
 * page F1s is given too, as the chatnoir paper averages page scores. For a snippet-scored set (trafilatura's)
 * the figures are trafilatura's own: snippet counts summed over all pages, then precision, recall, accuracy
 * (must-appear found plus must-not-appear absent, over all snippets) and F1.
 */
public record RealEvalReport(List<RealPageScore> pages) {

    public RealEvalReport {
        pages = List.copyOf(pages);
    }

    /** The figures of one set. */
    public record Row(String dataset, boolean snippets, int pages, int noArticle, int failed, double precision,
                      double recall, double f1, double pageF1, double accuracy, double articleRecall, double seconds) {
    }

    public List<Row> rows() {
        Map<String, List<RealPageScore>> sets = new LinkedHashMap<>();
        pages.forEach(p -> sets.computeIfAbsent(p.dataset(), k -> new ArrayList<>()).add(p));
        return sets.entrySet().stream().map(e -> row(e.getKey(), e.getValue())).toList();
    }

    private static Row row(String dataset, List<RealPageScore> ps) {
        int noArticle = (int) ps.stream().filter(p -> !p.ok() && !p.failed()).count();
        int failed = (int) ps.stream().filter(RealPageScore::failed).count();
        double seconds = ps.stream().mapToLong(RealPageScore::micros).sum() / 1e6;
        double pageF1 = mean(ps, RealPageScore::f1);
        boolean snippets = ps.stream().anyMatch(p -> p.with() + p.without() > 0);
        List<RealPageScore> articles = ps.stream().filter(RealPageScore::ok).toList();
        if (snippets) {
            int tp = sum(ps, RealPageScore::found);
            int fp = sum(ps, RealPageScore::leaked);
            int fn = sum(ps, RealPageScore::with) - tp;
            int tn = sum(ps, RealPageScore::without) - fp;
            double p = tp + fp == 0 ? 0 : tp / (double) (tp + fp);
            double r = tp + fn == 0 ? 0 : tp / (double) (tp + fn);
            double acc = (tp + tn) / (double) Math.max(1, tp + fp + fn + tn);
            int atp = sum(articles, RealPageScore::found);
            double ar = atp / (double) Math.max(1, sum(articles, RealPageScore::with));
            return new Row(dataset, true, ps.size(), noArticle, failed, p, r, harmonic(p, r), pageF1, acc, ar, seconds);
        }
        double p = mean(ps, RealPageScore::precision);
        double r = mean(ps, RealPageScore::recall);
        return new Row(dataset, false, ps.size(), noArticle, failed, p, r, harmonic(p, r), pageF1, Double.NaN,
                mean(articles, RealPageScore::recall), seconds);
    }

    /** The pages that lost the most: lowest recall first, then the longest truth (or most snippets) first. */
    public List<RealPageScore> worstRecall(int n) {
        return worst(pages, n);
    }

    /** The same among the pages the extractor wrote an article for: text lost by the body extraction itself. */
    public List<RealPageScore> worstArticleRecall(int n) {
        return worst(pages.stream().filter(RealPageScore::ok).toList(), n);
    }

    private static List<RealPageScore> worst(List<RealPageScore> pages, int n) {
        return pages.stream().sorted(Comparator.comparingDouble(RealPageScore::recall)
                .thenComparing(Comparator.comparingInt((RealPageScore p) -> p.truthWords() + p.with()).reversed())
                .thenComparing(RealPageScore::dataset).thenComparing(RealPageScore::id)).limit(n).toList();
    }

    public List<RealPageScore> failures() {
        return pages.stream().filter(RealPageScore::failed).toList();
    }

    public String table(int worst) {
        StringBuilder sb = new StringBuilder();
        String head = String.format(Locale.ROOT, "%-22s %6s %6s %6s  %6s %6s %6s %7s %6s %7s %7s%n", "dataset",
                "pages", "no-art", "failed", "P", "R", "F1", "pageF1", "acc", "R(art)", "seconds");
        sb.append(head).append("-".repeat(head.length() - 1)).append('\n');
        for (Row r : rows()) {
            sb.append(String.format(Locale.ROOT, "%-22s %6d %6d %6d  %6.3f %6.3f %6.3f %7.3f %6s %7.3f %7.1f%n",
                    r.dataset() + (r.snippets() ? " (snip)" : ""), r.pages(), r.noArticle(), r.failed(),
                    r.precision(), r.recall(), r.f1(), r.pageF1(),
                    r.snippets() ? String.format(Locale.ROOT, "%.3f", r.accuracy()) : "", r.articleRecall(),
                    r.seconds()));
        }
        sb.append("(snip): precision/recall/accuracy/F1 over must-appear and must-not-appear snippets, as trafilatura"
                + " scores it;\nelse mean P and mean R over pages on 4-word shingles, F1 of the means, pageF1 the mean"
                + " of page F1s.\nno-art: pages the extractor wrote no article for (scored as empty text);"
                + " R(art): recall on the other pages only.\n");
        if (worst > 0) {
            worstTable(sb, "worst recall (top " + worst + ")", worstRecall(worst));
            worstTable(sb, "worst recall among pages written as articles (top " + worst + ")", worstArticleRecall(worst));
        }
        List<RealPageScore> failed = failures();
        if (!failed.isEmpty()) {
            sb.append("\nfailed pages (scored 0)\n");
            failed.forEach(p -> sb.append("  ").append(p.dataset()).append(' ').append(p.id()).append(": ")
                    .append(p.status()).append('\n'));
        }
        return sb.toString();
    }

    private static void worstTable(StringBuilder sb, String title, List<RealPageScore> ps) {
        sb.append('\n').append(title).append('\n');
        sb.append(String.format(Locale.ROOT, "%-22s %-44s %6s %6s %6s %6s %6s  %s%n", "dataset", "page", "P", "R",
                "F1", "words", "truth", "status"));
        for (RealPageScore p : ps) {
            sb.append(String.format(Locale.ROOT, "%-22s %-44s %6.3f %6.3f %6.3f %6d %6s  %s%n", p.dataset(),
                    cut(p.id(), 44), p.precision(), p.recall(), p.f1(), p.gotWords(),
                    p.with() > 0 ? p.found() + "/" + p.with() : String.valueOf(p.truthWords()), p.status()));
        }
    }

    public JsonObject json(int worst) {
        JsonArray sets = new JsonArray();
        for (Row r : rows()) {
            JsonObject o = new JsonObject().put("dataset", r.dataset()).put("pages", r.pages())
                    .put("noArticle", r.noArticle()).put("failed", r.failed()).put("precision", round(r.precision()))
                    .put("recall", round(r.recall())).put("f1", round(r.f1())).put("pageF1", round(r.pageF1()))
                    .put("articleRecall", round(r.articleRecall())).put("seconds", round(r.seconds()));
            if (r.snippets()) {
                o.put("snippetAccuracy", round(r.accuracy()));
            }
            sets.add(o);
        }
        JsonArray w = new JsonArray();
        worstRecall(worst).forEach(p -> w.add(new JsonObject().put("dataset", p.dataset()).put("page", p.id())
                .put("precision", round(p.precision())).put("recall", round(p.recall())).put("status", p.status())));
        JsonArray f = new JsonArray();
        failures().forEach(p -> f.add(new JsonObject().put("dataset", p.dataset()).put("page", p.id())
                .put("status", p.status())));
        return new JsonObject().put("datasets", sets).put("worstRecall", w).put("failed", f);
    }

    private static double mean(List<RealPageScore> ps, ToDoubleFunction<RealPageScore> f) {
        return ps.stream().mapToDouble(f).average().orElse(0);
    }

    private static int sum(List<RealPageScore> ps, ToIntFunction<RealPageScore> f) {
        return ps.stream().mapToInt(f).sum();
    }

    private static double harmonic(double p, double r) {
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }

    private static String cut(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
