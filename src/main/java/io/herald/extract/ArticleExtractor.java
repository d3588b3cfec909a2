package io.herald.extract;

import io.herald.config.ExtractConfig;
import io.herald.config.SiteRule;
import io.herald.model.ArticleContent;
import io.herald.model.DiscoveredLink;
import io.herald.model.ExtractResult;
import io.herald.model.Extraction;
import io.herald.model.ImageRef;
import io.herald.model.PageType;
import io.herald.model.RelatedLink;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Extracts one page: type, article content and links. Stateless: one instance serves every worker thread.
 * Never throws; on junk input the worst case is {@code OTHER} with the links read so far.
 */
public final class ArticleExtractor {
    private static final Logger LOG = LoggerFactory.getLogger(ArticleExtractor.class);

    private final ExtractConfig config;
    private final SiteRuleApplier rules;
    private final PageDecoder decoder = new PageDecoder();
    private final LinkExtractor links = new LinkExtractor();
    private final JsonLdReader jsonLd = new JsonLdReader();
    private final MetadataResolver resolver;
    private final DateNormalizer dates;
    private final ParagraphTrimmer trimmer;
    private final ContentScorer scorer = new ContentScorer();
    private final RelatedLinkFinder relatedFinder = new RelatedLinkFinder();
    private final ImageExtractor images = new ImageExtractor();
    private final PageClassifier classifier = new PageClassifier();
    private final WallDetector walls = new WallDetector();

    public ArticleExtractor(ExtractConfig config) {
        this(config, Clock.systemUTC());
    }

    /** With an explicit clock, against which future dates are rejected. */
    ArticleExtractor(ExtractConfig config, Clock clock) {
        this.config = config;
        this.rules = new SiteRuleApplier(config.rules());
        this.dates = new DateNormalizer(clock);
        this.resolver = new MetadataResolver(dates);
        this.trimmer = new ParagraphTrimmer(dates);
    }

    public ExtractResult extract(byte[] body, String contentTypeHeader, String url) {
        List<String> allLinks = List.of();
        try {
            if (body == null || body.length == 0) {
                return other(allLinks);
            }
            Document doc = decoder.parse(body, contentTypeHeader, url);
            allLinks = links.all(doc);
            return extract(doc, url, allLinks);
        } catch (RuntimeException | StackOverflowError e) {
            LOG.warn("Extraction failed for {}: {}", url, e.toString());
            return other(allLinks);
        }
    }

    private ExtractResult other(List<String> allLinks) {
        return new ExtractResult(PageType.OTHER, null, links.merge(List.of(), allLinks));
    }

    /**
     * The body text the extractor reads from a page, whatever the page's type: what {@link #extract} writes for
     * an article, and for a front page or a short page the text it would have written. For measuring the text
     * extractor against tools that always return text (the real-page evaluation); the crawler uses
     * {@link #extract}. Empty when the page cannot be read.
     */
    public String mainText(byte[] body, String contentTypeHeader, String url) {
        try {
            if (body == null || body.length == 0) {
                return "";
            }
            Document doc = decoder.parse(body, contentTypeHeader, url);
            Reading r = read(doc, url);
            return String.join("\n\n", r.paragraphs().isEmpty() ? r.baseline() : r.paragraphs());
        } catch (RuntimeException | StackOverflowError e) {
            LOG.warn("Extraction failed for {}: {}", url, e.toString());
            return "";
        }
    }

    /**
     * The cleaning every link the extractor reports goes through (http(s) only, no fragment, no whitespace, at
     * most 2048 characters), null for a link it drops: for tools that compare links with the extractor's.
     */
    public static String cleanLink(String url) {
        return LinkExtractor.clean(url);
    }

    /** What one page yields before it is classified: metadata, the container and the body read from it. */
    private record Reading(SiteRule rule, List<String> flags, Set<String> methods, PageText pageText, JsonLdData ld,
                           Metadata md, List<Element> hinted, ContentView view, Container container,
                           BodyExtractor.Body body, List<String> paragraphs, List<String> baseline) {
    }

    private Reading read(Document doc, String url) {
        SiteRule rule = rules.find(url);
        List<String> flags = new ArrayList<>();
        Set<String> methods = new LinkedHashSet<>();
        if (rule != null) {
            SiteRuleApplier.exclude(doc, rule);
        }
        PageText pageText = PageText.of(doc); // after the rule's exclusions: nothing changes the tree from here on
        JsonLdData ld = jsonLd.read(doc);
        VisibleMetadata visible = VisibleMetadata.read(doc, pageText);
        Metadata resolved = resolver.resolve(ld, MetaTags.read(doc), visible);
        Metadata md = applyRuleMetadata(doc, rule, resolved, flags, methods);
        List<Element> hinted = relatedFinder.hintedBlocks(doc, pageText);
        ContentView view = ContentView.of(doc.body(), BoilerplateFilter.STRICT, pageText);
        Container container = container(doc, rule, view, flags, methods);
        BodyExtractor.Body body = new BodyExtractor(view, container.skipped(), container.core())
                .extract(container.roots());
        List<String> paragraphs = trimmer.trim(body.paragraphs(), md.title());
        if (container.generic() && words(paragraphs) < config.minWords()) {
            // too little text: the class hints may have hidden the article (see BoilerplateFilter.LENIENT);
            // a second pass without them is kept only when it finds more
            ContentView lenient = ContentView.of(doc.body(), BoilerplateFilter.LENIENT, pageText);
            Container retry = generic(doc, lenient);
            BodyExtractor.Body retryBody = new BodyExtractor(lenient, retry.skipped(), retry.core())
                    .extract(retry.roots());
            List<String> retryParagraphs = trimmer.trim(retryBody.paragraphs(), md.title());
            if (words(retryParagraphs) > words(paragraphs)) {
                view = lenient;
                container = retry;
                body = retryBody;
                paragraphs = retryParagraphs;
            }
        }
        List<String> baseline = List.of();
        if (container.generic() && paragraphs.isEmpty()) {
            // no block of writing anywhere (a page of one line, of headings, of link text): what the body shows,
            // as trafilatura's baseline reads it, for mainText only; the crawler writes no article from it (a
            // declared article of headings and a "subscribe" line would pass the classifier's word count)
            ContentView lenient = ContentView.of(doc.body(), BoilerplateFilter.LENIENT, pageText);
            baseline = trimmer.trim(new BodyExtractor(lenient, Set.of()).extract(List.of(doc.body())).paragraphs(),
                    md.title());
            if (baseline.isEmpty()) {
                // not even that (a page that is one link, or a list of headings over photos): all its text
                String all = TextCleaner.clean(pageText.text(doc.body()));
                baseline = all.isEmpty() ? List.of() : List.of(all);
            }
        }
        if (container.generic()) {
            List<String> lede = new LedeFinder(view).find(visible.headlineElement(), container.element(),
                    container.skipped());
            paragraphs = withLede(lede, paragraphs, md.title());
        }
        return new Reading(rule, flags, methods, pageText, ld, md, hinted, view, container, body, paragraphs, baseline);
    }

    private ExtractResult extract(Document doc, String url, List<String> allLinks) {
        Reading r = read(doc, url);
        List<String> flags = r.flags();
        Metadata md = r.md();
        List<Element> relatedBlocks = relatedBlocks(doc, r.rule(), r.hinted(), r.container(), r.body(), flags, r.methods());
        List<RelatedLink> related = relatedFinder.links(relatedBlocks, r.ld().relatedLinks(), url, self(url, md));
        List<DiscoveredLink> discovered = links.merge(related, allLinks);
        String text = String.join("\n\n", r.paragraphs());
        int words = TextCleaner.wordCount(text);
        if (WallDetector.consentWall(text, words)) {
            LOG.debug("{} is a consent wall", url);
            return new ExtractResult(PageType.OTHER, null, discovered, with(flags, WallDetector.CONSENT_WALL));
        }
        boolean paywalled = walls.paywalled(doc, r.ld(), words, r.pageText());
        if (paywalled) {
            flags.add(WallDetector.PAYWALL);
        }
        PageClassifier.Verdict verdict = classifier.classify(doc, url, md, r.ld(), r.container().scored(), words,
                r.paragraphs().size(), paywalled ? Math.min(1, config.minWords()) : config.minWords());
        if (verdict.type() != PageType.ARTICLE) {
            if (verdict.flag() != null) {
                LOG.debug("{} downgraded to {}: {}", url, verdict.type(), verdict.flag());
            }
            return new ExtractResult(verdict.type(), null, discovered, with(flags, verdict.flag()));
        }
        List<ImageRef> imgs = images.extract(imageScope(r.container().element()), r.view(), relatedBlocks, md.ogImage(),
                siteNames(md));
        Extraction extraction = new Extraction(method(md, r.methods()), r.rule() == null ? null : r.rule().hosts().get(0), flags);
        ArticleContent content = new ArticleContent(md.canonicalUrl(), md.title(), md.description(), md.authors(),
                md.publishedAt(), md.modifiedAt(), md.section(), md.tags(), md.language(), md.siteName(), text,
                words, imgs, related, extraction);
        return new ExtractResult(PageType.ARTICLE, content, discovered);
    }

    /**
     * The lede above the container, then the body; a lede the body repeats is not read twice. A standfirst is
     * read even when it is also the page's description: it is the article's opening as the page shows it.
     */
    private List<String> withLede(List<String> lede, List<String> paragraphs, String title) {
        List<String> kept = new ArrayList<>();
        for (String p : trimmer.trim(lede, title)) {
            if (!paragraphs.contains(p)) {
                kept.add(p);
            }
        }
        if (kept.isEmpty()) {
            return paragraphs;
        }
        kept.addAll(paragraphs);
        return kept;
    }

    /**
     * The article container: the elements whose paragraphs are read, their common ancestor, the score, and for
     * a generic container the block the score was given to before widening ({@code core}; null for a rule's).
     */
    private record Container(List<Element> roots, Element element, ContentScorer.Result scored, Set<Element> skipped,
                             boolean generic, Element core) {
    }

    private Container container(Document doc, SiteRule rule, ContentView view, List<String> flags,
                                Set<String> methods) {
        if (rule != null && rule.body() != null) {
            List<Element> matched = SiteRuleApplier.elements(doc, rule.body());
            if (!matched.isEmpty()) {
                methods.add("rules");
                Element common = commonAncestor(matched);
                return new Container(matched, common, new ContentScorer.Result(common, 1, 0), Set.of(), false,
                        null);
            }
            flags.add("rule-missed:body");
        }
        methods.add("generic");
        return generic(doc, view);
    }

    private Container generic(Document doc, ContentView view) {
        ContentScorer.Result best = scorer.best(doc.body(), view);
        ContainerWidener.Widened wide = new ContainerWidener(view).widen(best.element());
        Element body = wide.element();
        List<Element> roots = body == null ? List.of() : List.of(body);
        return new Container(roots, body, new ContentScorer.Result(body, best.score(), best.linkDensity()),
                wide.skipped(), true, best.element());
    }

    private List<Element> relatedBlocks(Document doc, SiteRule rule, List<Element> hinted, Container container,
                                        BodyExtractor.Body body, List<String> flags, Set<String> methods) {
        if (rule != null && rule.related() != null) {
            List<Element> matched = SiteRuleApplier.elements(doc, rule.related());
            if (!matched.isEmpty()) {
                methods.add("rules");
                return matched;
            }
            flags.add("rule-missed:related");
        }
        List<Element> out = new ArrayList<>(body.relatedBlocks());
        out.addAll(relatedFinder.nearContainer(hinted, container.element()));
        return out;
    }

    private Metadata applyRuleMetadata(Document doc, SiteRule rule, Metadata md, List<String> flags,
                                       Set<String> methods) {
        if (rule == null) {
            return md;
        }
        String title = md.title();
        String published = md.publishedAt();
        List<String> authors = md.authors();
        if (rule.title() != null) {
            String t = SiteRuleApplier.title(doc, rule);
            title = t != null ? used(t, methods) : missed(title, "title", flags);
        }
        if (rule.date() != null) {
            String d = dates.normalize(SiteRuleApplier.date(doc, rule));
            published = d != null ? used(d, methods) : missed(published, "date", flags);
        }
        if (rule.author() != null) {
            List<String> a = SiteRuleApplier.authors(doc, rule);
            authors = a.isEmpty() ? missed(authors, "author", flags) : used(a, methods);
        }
        return new Metadata(md.canonicalUrl(), title, md.description(), authors, published, md.modifiedAt(),
                md.section(), md.tags(), md.language(), md.siteName(), md.ogType(), md.ogImage(), md.sources());
    }

    /** The flags so far (site-rule misses) and one more, for a page that is not written as an article. */
    private static List<String> with(List<String> flags, String flag) {
        List<String> out = new ArrayList<>(flags);
        if (flag != null) {
            out.add(flag);
        }
        return out;
    }

    private static <T> T used(T value, Set<String> methods) {
        methods.add("rules");
        return value;
    }

    private static <T> T missed(T fallback, String field, List<String> flags) {
        flags.add("rule-missed:" + field);
        return fallback;
    }

    /**
     * Sources in a stable order: jsonld, og, meta (which metadata readers contributed), then rules and/or
     * generic (how the body, and any rule-read fields, were found). Visible page hints are not listed.
     */
    private static String method(Metadata md, Set<String> methods) {
        List<String> parts = new ArrayList<>();
        for (String s : List.of("jsonld", "og", "meta")) {
            if (md.sources().contains(s)) {
                parts.add(s);
            }
        }
        if (methods.contains("rules")) {
            parts.add("rules");
        }
        if (methods.contains("generic")) {
            parts.add("generic");
        }
        return String.join("+", parts);
    }

    private static int words(List<String> paragraphs) {
        int n = 0;
        for (String p : paragraphs) {
            n += TextCleaner.wordCount(p);
        }
        return n;
    }

    private static Set<String> self(String url, Metadata md) {
        Set<String> self = new HashSet<>();
        for (String u : new String[] {url, md.canonicalUrl()}) {
            String c = u == null ? null : LinkExtractor.clean(u);
            if (c != null) {
                self.add(RelatedLinkFinder.stripSlash(c));
            }
        }
        return self;
    }

    private static List<String> siteNames(Metadata md) {
        return md.siteName() == null ? List.of() : List.of(md.siteName());
    }

    /**
     * Where photos are looked for: the container, or the enclosing article element within two levels, which
     * also holds the lead photo that many sites put next to the headline rather than in the body.
     */
    private static Element imageScope(Element container) {
        if (container == null || container.normalName().equals("article")) {
            return container;
        }
        Element e = container.parent();
        for (int i = 0; i < 2 && e != null && !e.normalName().equals("body"); i++, e = e.parent()) {
            if (e.normalName().equals("article") || ClassHints.hasToken(e, Set.of("article", "story", "post"))) {
                return e;
            }
        }
        return container;
    }

    private static Element commonAncestor(List<Element> elements) {
        Element candidate = elements.get(0).parent();
        while (candidate != null) {
            Element c = candidate;
            if (elements.stream().allMatch(e -> e.parents().contains(c))) {
                return candidate;
            }
            candidate = candidate.parent();
        }
        return elements.get(0);
    }
}
