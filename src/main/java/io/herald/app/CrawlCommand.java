package io.herald.app;

import io.herald.cluster.ClusterJoinException;
import io.herald.cluster.ClusterNode;
import io.herald.cluster.NodeFolders;
import io.herald.config.ConfigException;
import io.herald.config.CrawlConfig;
import io.herald.state.StateException;
import io.herald.util.DiskFull;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.LocalDateTime;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * {@code herald crawl -c FILE [--set k=v]... [--fresh]}: runs a crawl to its end, or continues the one this
 * command ran before (its state is in {@code state.dir}). SIGTERM or Ctrl-C stops it cleanly: no new
 * requests, pages in flight are written, the state is checkpointed, the output holds whole lines only.
 */
@Command(name = "crawl", description = "Run a crawl.")
final class CrawlCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger("herald");

    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Option(names = "--fresh", description = "Start over: move the old state and output folders aside (never"
            + " deleted) instead of resuming the crawl they hold")
    boolean fresh;

    @Option(names = "--cluster", description = "Crawl as one node of a cluster (same as --set cluster.enabled=true;"
            + " see docs/cluster.md)")
    boolean cluster;

    @Option(names = "--debug", description = "On a fault, print the stack trace as well as the one-line message")
    boolean debug;

    @Override
    public Integer call() throws InterruptedException {
        CrawlConfig config;
        try {
            if (cluster) {
                options.overrides.put("cluster.enabled", "true");
            }
            config = options.load();
        } catch (ConfigException e) {
            System.err.println("herald: config error: " + e.getMessage());
            return Main.EXIT_CONFIG;
        }
        ClusterNode node = null;
        if (config.cluster().enabled()) {
            try {
                node = ClusterNode.join(config);
            } catch (ClusterJoinException e) {
                return fail(e.getMessage(), e, e.configProblem() ? Main.EXIT_CONFIG : Main.EXIT_FATAL);
            }
            config = NodeFolders.of(config);
        }
        CrawlRunner runner;
        try {
            runner = start(config, node);
        } catch (StartupFault e) {
            return fail(e.getMessage(), e, e.exitCode());
        } catch (StateException e) {
            return fail(e.getMessage(), e, DiskFull.causes(e) ? Main.EXIT_FATAL : Main.EXIT_CONFIG);
        }
        CountDownLatch done = new CountDownLatch(1);
        CrawlConfig used = config;
        Thread hook = new Thread(() -> stopGracefully(runner, done, used), "herald-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            CrawlSummary summary = runner.run().get();
            summary.hostLines().forEach(LOG::info);
            LOG.info(summary.line());
            return runner.fault() == null ? 0 : fail(runner.fault().line(), null, Main.EXIT_FATAL);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof StartupFault fault) {
                return fail(fault.getMessage(), fault, fault.exitCode());
            }
            return fail("crawl failed: " + cause, cause, Main.EXIT_FATAL);
        } finally {
            done.countDown();
            removeHook(hook);
        }
    }

    /** Checks the environment before anything is created or moved, then moves folders aside for --fresh. */
    private CrawlRunner start(CrawlConfig config, ClusterNode node) {
        Preflight.check(config);
        if (fresh) {
            FreshStart.moveAside(config, LocalDateTime.now()).forEach(System.out::println);
        }
        LOG.info("herald 0.1.0 · crawl \"{}\" · {} seed(s) · politeness {}ms/host · output {}", config.crawl().name(),
                config.crawl().seeds().size(), config.politeness().delay().toMillis(), config.output().dir());
        return new CrawlRunner(config, node);
    }

    /** One line on stderr; the stack trace only with --debug. */
    private int fail(String line, Throwable cause, int exitCode) {
        System.err.println("herald: " + line);
        if (debug && cause != null) {
            LOG.error("stack trace (--debug)", cause);
        }
        return exitCode;
    }

    /** On SIGTERM: stop handing out work, and give pages in flight the fetch timeout plus a margin to land. */
    private static void stopGracefully(CrawlRunner runner, CountDownLatch done, CrawlConfig config) {
        LOG.info("stopping: no new requests; waiting for pages in flight");
        runner.requestStop();
        // a fetch may take its whole timeout; then extraction, the sink's sync and a checkpoint
        long boundMs = config.fetch().timeout().toMillis() + 30_000;
        try {
            if (!done.await(boundMs, TimeUnit.MILLISECONDS)) {
                LOG.warn("stop took longer than {} ms; exiting with what is written", boundMs);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already exiting: the hook is running and will see the latch
        }
    }
}
