package io.herald.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Finds the element that holds the article, the way Readability does: every text block (a p, or a div used
 * as one) scores {@code 1 + commas + min(length / 100, 3)}; the score flows from the block, or from the
 * wrappers that hold nothing else, to their parent (full), grandparent (half) and
 * great-grandparent (a sixth); each candidate starts from its tag and class/id hints and is finally
 * discounted by its link density.
 */
final class ContentScorer {
    private static final int MIN_BLOCK_TEXT = 25;
    private static final int LEVELS = 3;
    private static final Set<String> WRAPPERS = Set.of("div", "section", "span", "font", "center");
    private static final int MAX_WRAPPERS = 3;
    /**
     * Elements whose own text runs are scored as paragraphs: containers a story can be typed into, not a
     * heading, list or table header whose own text is a title (a heading with a date block inside it).
     */
    private static final Set<String> RUN_HOLDERS = Set.of("div", "section", "article", "main", "td", "span",
            "font", "center", "blockquote", "form", "p", "li", "dd");

    /** The winning container and its score; {@code element} is null when the page has no text blocks. */
    record Result(Element element, double score, double linkDensity) {
    }

    Result best(Element root, ContentView view) {
        PageText page = view.text();
        // insertion-ordered (jsoup nodes hash by identity): equal scores go to the candidate scored first (in
        // document order of the blocks) on every run; an IdentityHashMap's order changes from run to run, and so
        // did the article of a tied page
        Map<Element, Double> scores = new LinkedHashMap<>();
        for (Element block : root.getAllElements()) {
            if (!view.kept(block) || page.length(block) < MIN_BLOCK_TEXT) {
                continue;
            }
            if (TextBlocks.isTextBlock(block, page)) {
                add(scores, paragraphUnit(block, view).parent(), score(page.text(block)), view);
            } else if (RUN_HOLDERS.contains(block.normalName()) && TextBlocks.hasOwnText(block)) {
                // text written straight into a wrapper beside its blocks (a photo box, a sub-head) is a
                // paragraph too; Readability wraps such runs in <p> before scoring
                for (String run : inlineRuns(block, view)) {
                    add(scores, block, score(run), view);
                }
            }
        }
        Element best = null;
        double bestScore = 0;
        double bestDensity = 0;
        for (Map.Entry<Element, Double> e : scores.entrySet()) {
            double density = page.linkDensity(e.getKey());
            double s = e.getValue() * (1 - density);
            if (best == null || s > bestScore) {
                best = e.getKey();
                bestScore = s;
                bestDensity = density;
            }
        }
        return new Result(best, bestScore, bestDensity);
    }

    private static double score(String text) {
        return 1 + commas(text) + Math.min(text.length() / 100.0, 3);
    }

    /** Adds a block's score to its parent (full), grandparent (half) and great-grandparent (a sixth). */
    private static void add(Map<Element, Double> scores, Element parent, double score, ContentView view) {
        Element ancestor = parent;
        for (int level = 0; level < LEVELS && ancestor != null; level++, ancestor = ancestor.parent()) {
            if (!view.kept(ancestor) && !ancestor.normalName().equals("body")) {
                break;
            }
            double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
            Double sum = scores.get(ancestor); // initial() only once per candidate: it reads class and id
            scores.put(ancestor, sum == null ? initial(ancestor) + score / divider : sum + score / divider);
        }
    }

    /**
     * The runs of inline content directly in an element that also holds blocks, split at its block children
     * and at double {@code <br>}, as the body reader splits them; runs shorter than a block are left out.
     */
    private static List<String> inlineRuns(Element e, ContentView view) {
        List<String> runs = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        boolean br = false;
        for (Node n : e.childNodes()) {
            if (n instanceof TextNode t) {
                if (!t.isBlank()) {
                    run.append(t.text());
                    br = false;
                }
            } else if (n instanceof Element c) {
                if (c.normalName().equals("br")) {
                    if (br) {
                        flush(run, runs);
                    }
                    br = true;
                    continue;
                }
                br = false;
                if (BlockTags.isBlock(c.normalName()) || view.text().hasBlockInside(c)) {
                    flush(run, runs);
                } else if (view.kept(c)) {
                    run.append(' ').append(view.text().text(c)).append(' ');
                }
            }
        }
        flush(run, runs);
        return runs;
    }

    private static void flush(StringBuilder run, List<String> runs) {
        String text = TextCleaner.normalize(run.toString());
        if (text.length() >= MIN_BLOCK_TEXT) {
            runs.add(text);
        }
        run.setLength(0);
    }

    /**
     * The outermost element that wraps nothing but this text block. CMSs that build text from divs wrap each
     * paragraph in one or two single-child blocks ({@code .block > .text}); scoring from the innermost div
     * would pour every paragraph's score into its own wrapper instead of into the shared article body, the
     * same reason Readability collapses a div that holds a single p.
     */
    static Element paragraphUnit(Element block, ContentView view) {
        Element unit = block;
        for (int i = 0; i < MAX_WRAPPERS; i++) {
            Element parent = unit.parent();
            if (parent == null || !WRAPPERS.contains(parent.normalName()) || TextBlocks.hasOwnText(parent)
                    || !view.kept(parent) || !onlyContent(parent, unit, view)) {
                break;
            }
            unit = parent;
        }
        return unit;
    }

    /** True when every other child of the parent is boilerplate or an empty spacer (no text, no media). */
    private static boolean onlyContent(Element parent, Element child, ContentView view) {
        for (Element c : parent.children()) {
            if (c != child && view.kept(c) && (!view.text().blank(c) || c.selectFirst(Selectors.MEDIA) != null)) {
                return false;
            }
        }
        return true;
    }

    private static double initial(Element e) {
        double base = switch (e.normalName()) {
            case "article" -> 10;
            case "div", "main", "section" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        return base + ClassHints.weight(e);
    }

    static int commas(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '，' || c == '،') {
                n++;
            }
        }
        return n;
    }

}
