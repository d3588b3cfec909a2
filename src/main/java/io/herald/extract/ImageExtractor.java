package io.herald.extract;

import io.herald.model.ImageRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * The photos of the article: images inside the container (not inside related-story teasers or boilerplate),
 * each with its caption and credit read from the surrounding figure or media block; {@code og:image} is
 * the fallback first image. De-duplicated by URL.
 */
final class ImageExtractor {
    private static final Set<String> CREDIT_TOKENS = Set.of("credit", "credits", "copyright", "source",
            "photographer", "byline", "author", "rights");
    private static final Set<String> CAPTION_TOKENS = Set.of("caption", "title", "desc", "description",
            "legend", "text", "figcaption");
    private static final int WRAPPER_LEVELS = 3;

    List<ImageRef> extract(Element container, ContentView view, List<Element> skip, String ogImage,
                           List<String> siteNames) {
        Map<String, ImageRef> out = new LinkedHashMap<>();
        if (container != null) {
            for (Element img : container.select(Selectors.IMG)) {
                String url = source(img);
                if (url == null || !view.kept(img) || insideAny(img, skip) || insideForeignLink(img)) {
                    continue;
                }
                out.putIfAbsent(url, describe(img, container, siteNames, url));
            }
        }
        if (out.isEmpty() && ogImage != null && ogImage.startsWith("http")) {
            out.put(ogImage, new ImageRef(ogImage, null, null));
        }
        return List.copyOf(out.values());
    }

    private ImageRef describe(Element img, Element container, List<String> siteNames, String url) {
        Element wrapper = wrapper(img, container);
        String caption = null;
        String credit = null;
        if (wrapper != null) {
            Element creditEl = firstWithToken(wrapper, CREDIT_TOKENS);
            if (creditEl != null) {
                credit = CreditParser.credit(creditEl.text());
            }
            Element captionEl = wrapper.selectFirst(Selectors.FIGCAPTION);
            if (captionEl == null) {
                captionEl = firstWithToken(wrapper, CAPTION_TOKENS);
            }
            if (captionEl != null) {
                Element copy = captionEl.clone();
                copy.getAllElements().stream().filter(e -> e != copy && ClassHints.hasToken(e, CREDIT_TOKENS))
                        .toList().forEach(Element::remove);
                CreditParser.CaptionCredit cc = CreditParser.split(copy.text());
                caption = cc.caption();
                credit = credit != null ? credit : cc.credit();
            }
        }
        if (caption == null) {
            String alt = img.hasAttr("title") ? img.attr("title") : img.attr("alt");
            caption = TitleCleaner.strip(alt, siteNames);
        }
        return new ImageRef(url, caption, credit);
    }

    /** The figure, or the nearest ancestor (up to three levels) that holds a caption or credit element. */
    private static Element wrapper(Element img, Element container) {
        Element figure = img.closest(Selectors.FIGURE);
        if (figure != null && (figure == container || figure.parents().contains(container))) {
            return figure;
        }
        Element e = img.parent();
        for (int i = 0; i < WRAPPER_LEVELS && e != null && e != container; i++, e = e.parent()) {
            if (firstWithToken(e, CREDIT_TOKENS) != null || firstWithToken(e, CAPTION_TOKENS) != null) {
                return e;
            }
        }
        return null;
    }

    private static Element firstWithToken(Element root, Set<String> tokens) {
        for (Element e : root.getAllElements()) {
            if (e != root && !e.normalName().equals("img") && ClassHints.hasToken(e, tokens) && !e.text().isBlank()) {
                return e;
            }
        }
        return null;
    }

    static String source(Element img) {
        for (String attr : new String[] {"src", "data-src", "data-original", "data-lazy-src"}) {
            String u = img.absUrl(attr);
            if (u.startsWith("http") && !u.startsWith("data:")) {
                return u;
            }
        }
        return null;
    }

    private static boolean insideAny(Element e, List<Element> blocks) {
        for (Element b : blocks) {
            if (e.parents().contains(b)) {
                return true;
            }
        }
        return false;
    }

    /** A thumbnail that links to another page is a teaser, not the article's photo. */
    private static boolean insideForeignLink(Element img) {
        Element a = img.closest(Selectors.A_HREF);
        return a != null && !a.attr("href").matches("(?i).*\\.(jpe?g|png|gif|webp|avif)(\\?.*)?$");
    }
}
