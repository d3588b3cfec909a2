package io.herald.extract.eval;

import io.herald.model.ExtractResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code scripts/eval-extraction --real [DIR] [--dataset PREFIX] [--worst N] [--json] [--with-title] [--all-pages] [--page SET/ID]
 * [--texts TEXTS [--name LABEL]] [--dump-inputs OUT]}:
 * scores the extractor, with the default configuration, on the public sets that {@code scripts/fetch-eval-data}
 * put in DIR (default {@code eval-data}) and prints one row per set and the pages with the worst recall, then
 * the related-link figures of the sets whose annotation marks related links ({@link RelatedEvaluation}).
 * {@code --with-title} scores the title and the body together (see {@link PageText#herald}). {@code --all-pages}
 * scores the body text of every page, written as an article or not (see {@link PageText#heraldEveryPage}). {@code --page} shows
 * one page: its status, and the runs of expected text (or the snippets) the output lacks.
 * {@code --texts} scores another extractor instead: each page's text is read from
 * {@code TEXTS/}{@link RealPageFiles#path}{@code (page, ".txt")} ({@link PageText#files}), {@code --name} labels the
 * output. {@code --dump-inputs} writes each page's input bytes and a manifest for that other extractor to run on
 * ({@link RealPageFiles#dump}) and scores nothing.
 */
public final class RealEvalMain {
    public static final Path DEFAULT_DIR = Path.of("eval-data");
    private static final long TIMEOUT_MILLIS = 60_000;
    /** Runs of missing truth shorter than this many words are not shown by {@code --page}. */
    private static final int MIN_RUN = 6;

    private RealEvalMain() {
    }

    public static void main(String[] args) {
        Path dir = DEFAULT_DIR;
        String prefix = "";
        String page = null;
        int worst = 15;
        boolean json = false;
        boolean withTitle = false;
        boolean allPages = false;
        Path texts = null;
        Path dumpTo = null;
        String name = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--dataset" -> prefix = args[++i];
                case "--worst" -> worst = Integer.parseInt(args[++i]);
                case "--page" -> page = args[++i];
                case "--json" -> json = true;
                case "--with-title" -> withTitle = true;
                case "--all-pages" -> allPages = true;
                case "--texts" -> texts = Path.of(args[++i]);
                case "--name" -> name = args[++i];
                case "--dump-inputs" -> dumpTo = Path.of(args[++i]);
                default -> dir = Path.of(args[i]);
            }
        }
        String setPrefix = prefix;
        List<RealPage> pages = RealDatasets.all(dir).stream().filter(p -> p.dataset().startsWith(setPrefix)).toList();
        if (pages.isEmpty()) {
            System.err.println("No evaluation pages under " + dir + ": run scripts/fetch-eval-data first"
                    + " (see docs/extraction.md, \"Evaluation on real pages\").");
            System.exit(2);
        }
        if (dumpTo != null) {
            List<String> skipped = RealPageFiles.dump(pages, dumpTo);
            skipped.forEach(s -> System.err.println("not dumped: " + s));
            System.out.println((pages.size() - skipped.size()) + " pages and " + RealPageFiles.MANIFEST + " written to "
                    + dumpTo);
            return;
        }
        PageText source = texts != null ? PageText.files(texts)
                : allPages ? PageText.heraldEveryPage(EvalMain.defaultExtractor())
                : PageText.herald(EvalMain.defaultExtractor(), withTitle);
        String label = name != null ? name : texts != null ? texts.toString() : allPages ? "herald, every page" : "herald";
        if (page != null) {
            show(pages, page, texts == null ? null : source);
            return;
        }
        int[] done = {0};
        RealEvalReport report = new RealEvaluation(source, TIMEOUT_MILLIS).run(pages, s -> {
            if (++done[0] % 100 == 0) {
                System.err.print(done[0] + "/" + pages.size() + " ");
            }
        });
        System.err.println();
        RelatedReport related = texts != null ? null
                : new RelatedEvaluation(EvalMain.defaultExtractor(), TIMEOUT_MILLIS).run(RelatedEvaluation.cases(pages));
        if (json) {
            io.vertx.core.json.JsonObject out = report.json(worst).put("extractor", label);
            System.out.print((related == null ? out : out.put("related", related.json())).encodePrettily() + "\n");
        } else {
            System.out.print("extractor: " + label + "\n" + report.table(worst)
                    + (related == null || related.pages().isEmpty() ? "" : related.table()));
        }
    }

    /** {@code texts}: the saved texts to show, or null for Herald's extractor (then its method and flags too). */
    private static void show(List<RealPage> pages, String key, PageText texts) {
        RealPage page = pages.stream().filter(p -> (p.dataset() + "/" + p.id()).equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no page " + key + " (give SET/ID as the table names it)"));
        String text;
        String status;
        ExtractResult r = null;
        try {
            if (texts != null) {
                PageText.Text t = texts.of(page);
                text = t.text();
                status = t.status();
            } else {
                r = EvalMain.defaultExtractor().extract(page.bytes(), null, page.url());
                text = r.article() == null ? "" : r.article().text();
                status = r.article() == null ? r.type() + " " + r.flags() : "ok";
            }
        } catch (Exception e) {
            System.out.println("cannot read " + page.html() + ": " + e);
            return;
        }
        RealPageScore s = RealEvaluation.score(page, text, status, 0);
        System.out.printf("%s  %s  url %s%nstatus %s  P %.3f R %.3f F1 %.3f  words %d%n", page.dataset(), page.html(),
                page.url(), s.status(), s.precision(), s.recall(), s.f1(), s.gotWords());
        if (r != null && r.article() != null) {
            System.out.println("method " + r.article().extraction().method() + " flags " + r.article().extraction().flags());
        }
        System.out.println("--- extracted\n" + text);
        RelatedEvaluation.Case related = RelatedEvaluation.caseOf(page);
        if (related != null) {
            RelatedPageScore rs = RelatedEvaluation.score(related, r);
            System.out.printf("--- related links: P %.3f R %.3f (= found and marked, + found only, - marked only)%n",
                    rs.precision(), rs.recall());
            rs.found().forEach(u -> System.out.println((rs.truth().contains(u) ? "  = " : "  + ") + u));
            rs.truth().stream().filter(u -> !rs.found().contains(u)).forEach(u -> System.out.println("  - " + u));
        }
        if (page.snippetScored()) {
            String got = RealEvaluation.normalize(text);
            page.with().forEach(w -> System.out.println((got.contains(RealEvaluation.normalize(w)) ? "  = " : "  - ") + w));
            page.without().forEach(w -> System.out.println((got.contains(RealEvaluation.normalize(w)) ? "  ! " : "  . ") + w));
            return;
        }
        System.out.println("--- expected text missing from the output (runs of " + MIN_RUN + "+ words)");
        missingRuns(page.truth(), text, MIN_RUN).forEach(m -> System.out.println("  - " + m));
    }

    /** The runs of the truth's words, of at least {@code min} words, that no shingle of the output covers. */
    static List<String> missingRuns(String truth, String got, int min) {
        List<String> tokens = Shingles.tokens(truth);
        Shingles out = Shingles.of(got);
        boolean[] covered = new boolean[tokens.size()];
        for (int i = 0; i + Shingles.SIZE <= tokens.size(); i++) {
            if (out.has(tokens, i)) {
                for (int k = i; k < i + Shingles.SIZE; k++) {
                    covered[k] = true;
                }
            }
        }
        List<String> runs = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= tokens.size(); i++) {
            boolean gap = i < tokens.size() && !covered[i];
            if (gap && start < 0) {
                start = i;
            } else if (!gap && start >= 0) {
                if (i - start >= min) {
                    runs.add(String.join(" ", tokens.subList(start, i)));
                }
                start = -1;
            }
        }
        return runs;
    }
}
