package io.herald.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Reads the paragraphs of the article container in document order: every block element (p, heading, list
 * item, blockquote, or a div used as a paragraph) is one paragraph; inline text between blocks, split at
 * double {@code <br>}, is one paragraph too. Skips boilerplate subtrees, media blocks (a photo with its
 * caption and credit) and inline related-story blocks, which it hands back so their links are kept.
 */
final class BodyExtractor {
    private static final Set<String> MEDIA = Set.of("figure", "figcaption", "picture", "img", "video", "audio",
            "h1", "table-caption", "caption");
    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n\\s*\\n");
    private static final int MAX_DEPTH = 64;
    private static final int MAX_RELATED_TEXT = 250;
    private static final int MAX_MEDIA_TEXT = 300;
    private static final double RELATED_LINK_SHARE = 0.7;
    /** Full lines read before an end heading counts: a short post's own sub-heads come first. */
    private static final int MIN_BODY = 2;
    /**
     * A line of fewer words (a module title, a date line) does not count toward {@link #MIN_BODY}; words as
     * {@link TextCleaner#wordCount} counts them, each Han or kana character one.
     */
    private static final int MIN_LINE_WORDS = 6;
    private static final int MAX_END_HEADING = 60;
    /**
     * Headings of what follows a post. "Responses", "Replies" and "Comments on ..." end it only with a count
     * ("3 Responses to ...", "One thought on ..."): bare, they are sub-heads of a story too.
     */
    private static final Pattern END_HEADING = Pattern.compile("(?iu)^(?:"
            + "(?:\\d+|one|two|three|four|five)\\s+(?:comments?|responses?|replies|thoughts?|kommentare?|commentaires?"
            + "|comentarios?|commenti)(?:\\s+(?:on|to|zu|sur|en|su|a)\\b.*)?"
            + "|comments?(?:\\s*\\(\\d+\\))?|trackbacks?|pingbacks?|leave a (?:reply|comment)|post a comment"
            + "|add (?:a |your )?comment|join the discussion|recent posts|popular posts|related posts"
            + "|you (?:may|might) also like|about the author|kommentare?(?:\\s*\\(\\d+\\))?|schreibe einen kommentar"
            + "|ähnliche beiträge|commentaires?|laisser un commentaire|comentarios?|deja un comentario|commenti"
            + "|lascia un commento|комментарии)\\W*$");
    private static final Pattern LEAD_IN = Pattern.compile(
            "(?iu)^(?:read more|read also|also read|see also|related|more on this|more|watch|listen|opinion)\\s*[:：—-]\\s*");

    /** The paragraphs and the inline related-story blocks met on the way. */
    record Body(List<String> paragraphs, List<Element> relatedBlocks) {
    }

    private final ContentView view;
    private final PageText text;
    private final Set<Element> skipped;
    /** Set at a heading that ends the body ({@link #endsBody}): nothing after it is read. */
    private boolean ended;
    /** The element the last paragraph was read from. */
    private Element lastSource;
    /** Paragraphs read of {@link #MIN_LINE_WORDS} or more. */
    private int fullLines;
    private final Element core;

    /** {@code skipped}: blocks inside the container that are not read (see {@link ContainerWidener}). */
    BodyExtractor(ContentView view, Set<Element> skipped) {
        this(view, skipped, null);
    }

    /**
     * {@code core}: the block the container's score was given to, or null. It and the blocks around it are never
     * a photo block, however short: a short post under its photos is the writing the score found.
     */
    BodyExtractor(ContentView view, Set<Element> skipped, Element core) {
        this.view = view;
        this.text = view.text();
        this.skipped = skipped;
        this.core = core;
    }

    Body extract(List<Element> roots) {
        List<String> out = new ArrayList<>();
        List<Element> related = new ArrayList<>();
        for (Element root : roots) {
            if (roots.size() > 1 && (isInlineRelated(root) || !view.kept(root))) {
                continue; // a site rule's block list: each block is judged on its own
            }
            collect(root, 0, out, related);
        }
        return new Body(List.copyOf(out), List.copyOf(related));
    }

    private void collect(Element e, int depth, List<String> out, List<Element> related) {
        StringBuilder run = new StringBuilder();
        for (Node child : e.childNodes()) {
            if (ended) {
                return;
            }
            if (child instanceof TextNode t) {
                run.append(t.getWholeText());
            } else if (child instanceof Element c) {
                if (c.normalName().equals("br")) {
                    run.append('\n');
                } else if (!view.kept(c) || skipped.contains(c)) {
                    run.append(' ');
                } else if (BlockTags.isBlock(c.normalName()) || text.hasBlockInside(c)) {
                    flush(run, e, out);
                    visitBlock(c, depth + 1, out, related);
                } else {
                    appendInline(c, run, depth + 1);
                }
            }
        }
        flush(run, e, out);
    }

    private void visitBlock(Element c, int depth, List<String> out, List<Element> related) {
        if (ended || fullLines >= MIN_BODY && endsBody(c)) {
            ended = true;
            return;
        }
        if (isInlineRelated(c)) {
            related.add(c);
            return;
        }
        if (MEDIA.contains(c.normalName()) || isMediaBlock(c) && !holdsCore(c)) {
            return;
        }
        if (depth > MAX_DEPTH) {
            addParagraph(text.text(c), c, out);
            return;
        }
        collect(c, depth, out, related);
    }

    private void appendInline(Element e, StringBuilder run, int depth) {
        if (depth > MAX_DEPTH) {
            run.append(text.text(e));
            return;
        }
        for (Node child : e.childNodes()) {
            if (child instanceof TextNode t) {
                run.append(t.getWholeText());
            } else if (child instanceof Element c && view.kept(c)) {
                if (c.normalName().equals("br")) {
                    run.append('\n');
                } else if (!MEDIA.contains(c.normalName())) {
                    appendInline(c, run, depth + 1);
                }
            }
        }
    }

    /** {@code source}: the element whose own text the run is. */
    private void flush(StringBuilder run, Element source, List<String> out) {
        if (run.length() == 0) {
            return;
        }
        for (String part : PARAGRAPH_BREAK.split(run)) {
            addParagraph(part, source, out);
        }
        run.setLength(0);
    }

    private void addParagraph(String raw, Element source, List<String> out) {
        String p = TextCleaner.clean(raw);
        if (TextCleaner.isBoilerplate(p)) {
            return;
        }
        // a paragraph repeated at once is most often a responsive template's second copy (mobile and desktop),
        // which sits in another wrapper or carries another class; the same kind of block repeated is the text
        if (out.isEmpty() || !out.get(out.size() - 1).equals(p) || sameKind(lastSource, source)) {
            out.add(p);
            fullLines += fullLines < MIN_BODY && TextCleaner.wordCount(p) >= MIN_LINE_WORDS ? 1 : 0;
        }
        lastSource = source;
    }

    /** Two siblings of one tag and the same attributes (one element's text around a form is no repeat). */
    private static boolean sameKind(Element a, Element b) {
        return a != null && a != b && a.parent() == b.parent() && a.normalName().equals(b.normalName())
                && a.attributes().equals(b.attributes());
    }

    /**
     * A heading that opens what follows a post, not more of it: the comments, "Leave a reply", a blog's recent or
     * related posts, the author box. Such a heading inside the container ends the body; a "Related" box in the
     * middle of a story is not one (it holds its links, and the story goes on after it).
     */
    private boolean endsBody(Element c) {
        String tag = c.normalName();
        if (!(tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '2' && tag.charAt(1) <= '6')
                || text.length(c) > MAX_END_HEADING) {
            return false;
        }
        return END_HEADING.matcher(TextCleaner.normalize(text.text(c))).matches();
    }

    private boolean holdsCore(Element e) {
        for (Element p = core; p != null; p = p.parent()) {
            if (p == e) {
                return true;
            }
        }
        return false;
    }

    /** A photo block: holds an image and little text (its caption and credit), and is not a paragraph. */
    private boolean isMediaBlock(Element e) {
        return !e.normalName().equals("p") && text.length(e) < MAX_MEDIA_TEXT && e.selectFirst(Selectors.MEDIA) != null
                && e.select(Selectors.P).stream().noneMatch(p -> text.length(p) > 80);
    }

    /** A short block that is mostly one or a few links: a related-story teaser inside the body. */
    private boolean isInlineRelated(Element e) {
        int links = text.hrefLinks(e); // counted first: most blocks have no link, and counting is free
        if (links == 0 || links > 5) {
            return false;
        }
        String t = LEAD_IN.matcher(TextCleaner.normalize(text.text(e))).replaceFirst("");
        if (t.isEmpty() || t.length() > MAX_RELATED_TEXT) {
            return false;
        }
        int linked = 0;
        for (Element a : e.select(Selectors.A_HREF)) {
            linked += TextCleaner.normalize(text.text(a)).length();
        }
        return linked >= RELATED_LINK_SHARE * t.length();
    }
}
