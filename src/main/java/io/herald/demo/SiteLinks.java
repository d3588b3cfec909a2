package io.herald.demo;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Absolute URLs on the running site. Built after the servers are bound, because every link, and above all
 * every cross-host link, must carry the port the server really got.
 */
final class SiteLinks {
    private final Map<Publication, String> bases;

    /** @param baseUrls one base URL per publication, in {@link Publication} order, each ending in '/' */
    SiteLinks(List<String> baseUrls) {
        Publication[] pubs = Publication.values();
        if (baseUrls.size() != pubs.length) {
            throw new IllegalArgumentException("need " + pubs.length + " base URLs, got " + baseUrls.size());
        }
        bases = new EnumMap<>(Publication.class);
        for (int i = 0; i < pubs.length; i++) {
            bases.put(pubs[i], baseUrls.get(i));
        }
    }

    /** The base URL, e.g. {@code http://127.0.0.2:8090/}. */
    String base(Publication p) {
        return bases.get(p);
    }

    /** Absolute URL of a root-relative path on a publication's host. */
    String url(Publication p, String path) {
        String base = bases.get(p);
        return base.substring(0, base.length() - 1) + path;
    }

    String articleUrl(DemoArticle a) {
        return url(a.publication(), a.publication().articlePath(a));
    }

    /** The publication whose base URL starts the given absolute URL, if any. */
    Optional<Publication> owner(String absoluteUrl) {
        return bases.entrySet().stream().filter(e -> absoluteUrl.startsWith(e.getValue()))
                .map(Map.Entry::getKey).findFirst();
    }
}
