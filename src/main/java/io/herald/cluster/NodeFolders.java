package io.herald.cluster;

import io.herald.config.CrawlConfig;
import io.herald.config.OutputConfig;
import io.herald.config.StateConfig;

import java.nio.file.Path;

/**
 * Every node reads the same config file, so each puts its output and state in a folder of its own name under the
 * configured ones: a shared {@code output.dir} then holds one folder per node and never mixes two nodes' lines.
 */
public final class NodeFolders {
    private NodeFolders() {
    }

    public static CrawlConfig of(CrawlConfig c) {
        String node = c.cluster().nodeName();
        OutputConfig o = c.output();
        StateConfig s = c.state();
        return new CrawlConfig(c.crawl(), c.scope(), c.discovery(), c.politeness(), c.fetch(), c.extract(),
                new OutputConfig(outputOf(o.dir(), node), o.rotateBytes(), o.rotateInterval(), o.gzip(), o.minFreeDisk(),
                        o.warc(), o.warcMaxBytes()),
                c.monitor(),
                new StateConfig(s.dir().resolve(node), s.store(), s.workingSet(), s.cacheSize(), s.seenFilterSize(),
                        s.checkpointInterval()),
                c.recrawl(),
                c.cluster());
    }

    /** The output folder of {@code node} under the configured {@code output.dir}. */
    public static Path outputOf(Path outputDir, String node) {
        return outputDir.resolve(node);
    }
}
