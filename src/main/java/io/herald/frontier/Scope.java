package io.herald.frontier;

import io.herald.config.ScopeConfig;

import java.util.regex.Pattern;

/** Whether a normalised URL belongs to the crawl: an allowed host, and the include/exclude patterns. */
public final class Scope {
    private final ScopeConfig config;

    public Scope(ScopeConfig config) {
        this.config = config;
    }

    public boolean allows(String normalizedUrl) {
        String host = UrlNormalizer.hostOf(normalizedUrl);
        if (host == null || !config.hosts().contains(host)) {
            return false;
        }
        for (Pattern exclude : config.exclude()) {
            if (exclude.matcher(normalizedUrl).find()) {
                return false;
            }
        }
        if (config.include().isEmpty()) {
            return true;
        }
        for (Pattern include : config.include()) {
            if (include.matcher(normalizedUrl).find()) {
                return true;
            }
        }
        return false;
    }
}
