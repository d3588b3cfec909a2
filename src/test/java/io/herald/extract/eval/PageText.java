package io.herald.extract.eval;

import io.herald.extract.ArticleExtractor;
import io.herald.model.ExtractResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the text scored for a real page comes from: Herald's extractor run on the page, or a text another
 * extractor wrote for it earlier ({@code --texts}). Both feed the same {@link RealEvaluation}, so another
 * tool's output is scored by exactly the code and metric that score Herald.
 */
@FunctionalInterface
public interface PageText {

    /**
     * The text to score and the page's status: {@link RealPageScore#OK}, or why there is no text (the page type
     * the extractor gave instead of an article, or that no text was written); such a page scores as empty text.
     */
    record Text(String text, String status) {
    }

    /** The page's text; an exception scores the page 0 as failed. */
    Text of(RealPage page) throws Exception;

    /**
     * Herald's article body. {@code withTitle}: the article's title followed by its body (Herald keeps the
     * headline in {@code ArticleContent.title}, out of the body text, while most sets' truth starts with it).
     */
    static PageText herald(ArticleExtractor extractor, boolean withTitle) {
        return page -> {
            ExtractResult r = extractor.extract(page.bytes(), null, page.url());
            if (r.article() == null) {
                String flags = r.flags().isEmpty() ? "" : " " + r.flags();
                return new Text("", r.type().name().toLowerCase(Locale.ROOT) + flags);
            }
            String title = r.article().title();
            String body = r.article().text();
            return new Text(withTitle && title != null && !title.isBlank() ? title + "\n\n" + body : body,
                    RealPageScore.OK);
        };
    }

    /**
     * Herald's body text of every page, articles or not ({@link ArticleExtractor#mainText}): the text extractor
     * measured alone, as tools that always return text are measured, without the page classifier's verdicts
     * (a crawler writes no article for a front page, a forum thread or a product page; these sets hold many).
     */
    static PageText heraldEveryPage(ArticleExtractor extractor) {
        return page -> {
            String text = extractor.mainText(page.bytes(), null, page.url());
            return text.isBlank() ? new Text("", EMPTY) : new Text(text, RealPageScore.OK);
        };
    }

    /** Status of a page with no text file: counted with the pages written as no article. */
    String NO_FILE = "no text file";
    /** Status of a page whose text file holds only whitespace (the tool found nothing, or failed on it). */
    String EMPTY = "empty text";

    /**
     * Texts another tool wrote, one UTF-8 file a page at {@code dir/}{@link RealPageFiles#path}{@code (page, ".txt")}.
     * A missing or blank file is an empty text, counted as "no article" (not as failed), as trafilatura's own
     * evaluation counts an extractor that returns nothing.
     */
    static PageText files(Path dir) {
        return page -> {
            Path file = RealPageFiles.path(dir, page, ".txt");
            if (!Files.isRegularFile(file)) {
                return new Text("", NO_FILE);
            }
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            return text.isBlank() ? new Text("", EMPTY) : new Text(text, RealPageScore.OK);
        };
    }
}
