package io.herald.extract.eval;

import io.herald.config.ConfigLoader;
import io.herald.config.ExtractConfig;
import io.herald.extract.ArticleExtractor;
import io.herald.model.ArticleContent;
import io.herald.model.ExtractResult;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code scripts/eval-extraction [DIR] [--page NAME] [--json]}: scores the extractor, with the default
 * configuration, on the evaluation set and prints a table (or the totals as JSON). {@code --page} shows what
 * the extractor produced for one page next to what was expected.
 */
public final class EvalMain {
    public static final Path DEFAULT_DIR = Path.of("src/test/resources/eval/pages");

    private EvalMain() {
    }

    public static ArticleExtractor defaultExtractor() {
        ExtractConfig config = ConfigLoader.load(Map.of("crawl.seeds", "http://localhost/")).extract();
        return new ArticleExtractor(config);
    }

    public static void main(String[] args) {
        Path dir = DEFAULT_DIR;
        String page = null;
        boolean json = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--page" -> page = args[++i];
                case "--json" -> json = true;
                default -> dir = Path.of(args[i]);
            }
        }
        Evaluation eval = new Evaluation(defaultExtractor());
        if (page != null) {
            show(eval, dir, page);
            return;
        }
        EvalReport report = eval.run(dir);
        System.out.print(json ? report.totals().encodePrettily() + "\n" : report.table());
    }

    private static void show(Evaluation eval, Path dir, String name) {
        JsonObject exp = Evaluation.expected(dir, name);
        ExtractResult r = eval.extract(dir, name);
        System.out.println("type     " + r.type() + " flags " + r.flags() + " (expected " + exp.getString("type")
                + " " + exp.getJsonArray("flags") + ")");
        ArticleContent a = r.article();
        if (a == null) {
            return;
        }
        System.out.println("title    " + a.title() + "\n  want   " + exp.getString("title"));
        System.out.println("date     " + a.publishedAt() + "\n  want   " + exp.getString("publishedAt"));
        System.out.println("authors  " + a.authors() + "\n  want   " + exp.getJsonArray("authors"));
        System.out.println("flags    " + a.extraction().flags() + " method " + a.extraction().method());
        System.out.println("related  " + a.related().stream().map(x -> x.url()).toList() + "\n  want   "
                + exp.getJsonArray("related"));
        System.out.println("--- got paragraphs");
        for (String p : a.text().split("\n\n")) {
            System.out.println((Evaluation.strings(exp, "paragraphs").contains(p) ? "  = " : "  + ") + p);
        }
        System.out.println("--- expected paragraphs missing from output");
        for (String p : Evaluation.strings(exp, "paragraphs")) {
            if (!a.text().contains(p)) {
                System.out.println("  - " + p);
            }
        }
    }
}
