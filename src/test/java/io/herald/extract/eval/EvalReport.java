package io.herald.extract.eval;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * Per-page scores and their totals. Each article page weighs the same: mean precision and mean recall are
 * averaged over pages, and the body F1 is the harmonic mean of the two means (not the mean of per-page F1s).
 */
public record EvalReport(List<PageScore> pages) {

    public EvalReport {
        pages = List.copyOf(pages);
    }

    List<PageScore> articles() {
        return pages.stream().filter(PageScore::article).toList();
    }

    public double precision() {
        return mean(PageScore::precision);
    }

    public double recall() {
        return mean(PageScore::recall);
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public double titleRate() {
        return rate(PageScore::title);
    }

    public double dateRate() {
        return rate(PageScore::date);
    }

    public double authorRate() {
        return rate(PageScore::authors);
    }

    public double relatedRecall() {
        return mean(PageScore::relatedRecall);
    }

    public double relatedPrecision() {
        return mean(PageScore::relatedPrecision);
    }

    public double typeAccuracy() {
        return pages.isEmpty() ? 0 : pages.stream().filter(PageScore::typeOk).count() / (double) pages.size();
    }

    public double flagsRate() {
        return pages.isEmpty() ? 0 : pages.stream().filter(PageScore::flags).count() / (double) pages.size();
    }

    private double mean(ToDoubleFunction<PageScore> f) {
        return articles().stream().mapToDouble(f).average().orElse(0);
    }

    private double rate(Predicate<PageScore> f) {
        List<PageScore> a = articles();
        return a.isEmpty() ? 0 : a.stream().filter(f).count() / (double) a.size();
    }

    public JsonObject totals() {
        return new JsonObject().put("pages", pages.size()).put("articlePages", articles().size())
                .put("bodyPrecision", round(precision())).put("bodyRecall", round(recall())).put("bodyF1", round(f1()))
                .put("title", round(titleRate())).put("date", round(dateRate())).put("author", round(authorRate()))
                .put("relatedRecall", round(relatedRecall())).put("relatedPrecision", round(relatedPrecision())).put("pageType", round(typeAccuracy()))
                .put("flags", round(flagsRate()));
    }

    static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }

    /** A fixed-width table: one row per page, then the totals. */
    public String table() {
        StringBuilder sb = new StringBuilder();
        String head = String.format(Locale.ROOT, "%-34s %-8s %6s %6s %6s  %-5s %-5s %-6s %5s %5s %-5s%n",
                "page", "type", "P", "R", "F1", "title", "date", "author", "relP", "relR", "flags");
        sb.append(head).append("-".repeat(head.length() - 1)).append('\n');
        for (PageScore p : pages) {
            String type = p.typeOk() ? p.actualType() : p.actualType() + "!";
            if (p.article()) {
                sb.append(String.format(Locale.ROOT, "%-34s %-8s %6.3f %6.3f %6.3f  %-5s %-5s %-6s %5.2f %5.2f %-5s%n",
                        cut(p.name()), type, p.precision(), p.recall(), p.f1(), yn(p.title()), yn(p.date()),
                        yn(p.authors()), p.relatedPrecision(), p.relatedRecall(), yn(p.flags())));
            } else {
                sb.append(String.format(Locale.ROOT, "%-34s %-8s %6s %6s %6s  %-5s %-5s %-6s %5s %5s %-5s%n",
                        cut(p.name()), type, "", "", "", "", "", "", "", "", yn(p.flags())));
            }
        }
        sb.append("-".repeat(head.length() - 1)).append('\n');
        sb.append(String.format(Locale.ROOT,
                "%d pages (%d articles): body P %.4f  R %.4f  F1 %.4f | exact match: title %.3f  date %.3f  "
                        + "author %.3f | related P %.3f R %.3f | page type %.3f | flags %.3f%n",
                pages.size(), articles().size(), precision(), recall(), f1(), titleRate(), dateRate(), authorRate(),
                relatedPrecision(), relatedRecall(), typeAccuracy(), flagsRate()));
        return sb.toString();
    }

    private static String cut(String s) {
        return s.length() <= 34 ? s : s.substring(0, 33) + "…";
    }

    private static String yn(boolean b) {
        return b ? "ok" : "MISS";
    }
}
