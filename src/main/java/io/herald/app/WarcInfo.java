package io.herald.app;

import io.herald.config.CrawlConfig;
import io.herald.sink.ArticleJson;
import io.herald.state.ConfigFingerprint;
import picocli.CommandLine.Command;

import java.util.LinkedHashMap;
import java.util.Map;

/** The fields of the {@code warcinfo} record at the head of each WARC file: what wrote it, for which crawl, how. */
final class WarcInfo {
    private WarcInfo() {
    }

    static Map<String, String> fields(CrawlConfig config) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("software", Main.class.getAnnotation(Command.class).version()[0]);
        fields.put("format", "WARC File Format 1.1");
        fields.put("conformsTo", "https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/");
        fields.put("isPartOf", config.crawl().name());
        fields.put("http-header-user-agent", config.politeness().userAgent());
        fields.put("robots", "obey");
        // The keys that define the crawl (the same the state checks on a resume), as one hash.
        fields.put("herald-config", ArticleJson.contentHash(ConfigFingerprint.of(config).encode()));
        return fields;
    }
}
