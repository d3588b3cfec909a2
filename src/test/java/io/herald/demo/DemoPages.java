package io.herald.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The demo site's article pages rendered in memory, for benchmarks: no server is started. */
public final class DemoPages {
    /** One article page: its URL on the default addresses and its HTML. */
    public record Page(String url, String html) {
    }

    private DemoPages() {
    }

    /** Every robots-allowed article page of the three publications, at their default addresses. */
    public static List<Page> articles() {
        List<String> bases = DemoSite.defaults().addresses().stream()
                .map(a -> "http://" + a + ":" + DemoSite.defaults().port() + "/").toList();
        ArticleCatalog catalog = ArticleCatalog.load();
        SiteLinks links = new SiteLinks(bases);
        Map<Publication, HostPages> pages = new EnumMap<>(Publication.class);
        pages.put(Publication.MERIDIAN, new MeridianSite(catalog, links).render());
        pages.put(Publication.HARBOUR, new HarbourSite(catalog, links).render());
        pages.put(Publication.GAZETTE, new GazetteSite(catalog, links).render());
        DemoSite.Manifest manifest = new ManifestBuilder(links, pages, catalog).build().manifest();
        List<Page> out = new ArrayList<>();
        pages.forEach((p, host) -> host.pages().forEach((path, html) -> {
            String url = links.url(p, path);
            if (manifest.articleUrls().contains(url)) {
                out.add(new Page(url, html));
            }
        }));
        out.sort(Comparator.comparing(Page::url)); // the host maps have no stable order
        return out;
    }
}
