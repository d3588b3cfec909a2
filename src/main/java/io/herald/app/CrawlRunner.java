package io.herald.app;

import io.herald.cluster.ClusterNode;
import io.herald.config.CrawlConfig;
import io.herald.discovery.DiscoveryVerticle;
import io.herald.discovery.SitemapReader;
import io.herald.extract.ArticleExtractor;
import io.herald.extract.ExtractVerticle;
import io.herald.fetch.PageFetcher;
import io.herald.frontier.Frontier;
import io.herald.frontier.FrontierVerticle;
import io.herald.frontier.HostShare;
import io.herald.frontier.QueueReplica;
import io.herald.model.Addresses;
import io.herald.model.Fault;
import io.herald.model.FrontierStatus;
import io.herald.model.LocalCodec;
import io.herald.monitor.ClockWatch;
import io.herald.monitor.ClusterView;
import io.herald.monitor.CrawlHealth;
import io.herald.monitor.DiskCheck;
import io.herald.monitor.ProgressWatch;
import io.herald.monitor.StateWatch;
import io.herald.monitor.CrawlStats;
import io.herald.monitor.MonitorVerticle;
import io.herald.monitor.ProgressVerticle;
import io.herald.pipeline.SlotVerticle;
import io.herald.monitor.VertxMeters;
import io.herald.politeness.MonotonicClock;
import io.herald.politeness.PolitenessGate;
import io.herald.sink.ArticleClaims;
import io.herald.sink.SinkVerticle;
import io.herald.state.StateException;
import io.herald.util.DiskFull;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Deployable;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.micrometer.MicrometerMetricsFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs one crawl: deploys the stages (monitor, sink, frontier, extractors on worker threads, fetch
 * slots), waits for the frontier to say the crawl is over, then undeploys them in the reverse order so
 * that every page in flight reaches the sink before the output is closed, and writes the summary.
 */
public final class CrawlRunner {
    private static final Logger LOG = LoggerFactory.getLogger(CrawlRunner.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final CrawlConfig config;
    private final Clock clock = new MonotonicClock();
    private final PrometheusMeterRegistry registry = VertxMeters.bounded(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    private final Vertx vertx;
    private final CrawlStats stats;
    private final List<String> deployments = new ArrayList<>();
    private final CrawlStores stores;
    private final StateWatch stateWatch;
    private final ClusterNode cluster;
    private MonitorVerticle monitor;
    private volatile boolean stopRequested;
    private volatile Fault fault;

    /**
     * A crawl that is one node's part of a cluster's crawl ({@code cluster} joined), or the whole crawl (null).
     *
     * @throws StateException if the crawl's state cannot be opened or is another crawl's
     */
    public CrawlRunner(CrawlConfig config, ClusterNode cluster) {
        this(config, cluster, cluster == null ? null : cluster.queueReplica());
    }

    /**
     * As above, with the replica that keeps this node's queue for the others in a cluster ({@code null}: none;
     * ignored with the memory store).
     *
     * @throws StateException if the crawl's state cannot be opened or is another crawl's
     */
    public CrawlRunner(CrawlConfig config, ClusterNode cluster, QueueReplica replica) {
        this.config = config;
        this.cluster = cluster;
        this.stores = CrawlStores.open(config, replica);
        this.stateWatch = new StateWatch(clock, config.state().durable(), config.monitor().stallAfter());
        try {
            LOG.info("{}", stores.describe());
            this.stats = new CrawlStats(registry, clock, stores.earlierRuns());
            stores.saveHistory(stats.history(), true); // this run counts as one from now, even if killed before a checkpoint
            stats.registerCrawlGauges();
        } catch (RuntimeException e) {
            stores.close(); // the store's folder lock would outlive a runner that never ran
            throw e;
        }
        this.vertx = Vertx.builder()
                .with(new VertxOptions().setMetricsOptions(VertxMeters.options()))
                .withMetrics(new MicrometerMetricsFactory(registry))
                .build();
        if (cluster != null) {
            cluster.share().attach(vertx);
            cluster.counters(stats::report); // for the others' /status?cluster=true
        }
    }

    /**
     * Starts the crawl. The result completes with the summary once every stage is undeployed (so the
     * output is closed); Vert.x itself is closed after that. It is a plain CompletableFuture because no
     * Vert.x context outlives the close to deliver a Vert.x future's result.
     */
    public CompletableFuture<CrawlSummary> run() {
        LocalCodec.register(vertx.eventBus());
        Promise<String> finished = Promise.promise();
        vertx.eventBus().<String>consumer(Addresses.CRAWL_FINISHED, msg -> finished.tryComplete(msg.body()));
        vertx.eventBus().<Fault>consumer(Addresses.CRAWL_FAULT, msg -> onFault(msg.body(), finished));
        // a state write that fails on the frontier's thread (a full disk under state.dir) surfaces here
        vertx.exceptionHandler(e -> {
            if (e instanceof StateException) {
                onFault(new Fault("state.dir", null, e.getMessage(), DiskFull.causes(e)), finished);
            } else {
                LOG.warn("unexpected error in a stage: {}", e.toString());
            }
        });
        ClockWatch clockWatch = new ClockWatch(registry);
        vertx.setPeriodic(1000, id -> clockWatch.check());
        CompletableFuture<CrawlSummary> result = new CompletableFuture<>();
        deployAll()
                .onSuccess(v -> {
                    if (stopRequested) {
                        requestStop(); // a stop asked for while the stages were deploying
                    }
                })
                .compose(v -> finished.future())
                .compose(reason -> {
                    String why = fault == null ? reason : "fault: " + fault.reason();
                    return frontierStatus().compose(status -> shutdown()
                            .map(v -> CrawlSummary.write(config, why, status, stats)));
                })
                .onComplete(ar -> closeVertxThenState().whenComplete((v, e) -> {
                    if (ar.succeeded()) {
                        result.complete(ar.result());
                    } else {
                        result.completeExceptionally(ar.cause());
                    }
                }));
        return result;
    }

    /**
     * The store is closed only once Vert.x is: after a failed start or undeploy a stage may still run (the sink
     * syncing, the frontier checkpointing), and a RocksDB handle used after its close crashes the JVM. If Vert.x
     * does not close in time the store is left open, which costs what a crash costs: nothing a resume cannot mend.
     */
    private CompletableFuture<Void> closeVertxThenState() {
        return vertx.close().toCompletionStage().toCompletableFuture()
                .orTimeout(CLOSE_TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                .handle((v, e) -> {
                    if (cluster != null) {
                        cluster.leave();
                    }
                    if (e == null) {
                        closeState();
                    } else {
                        LOG.warn("Vert.x did not close within {}; the state is left as after a crash: {}",
                                CLOSE_TIMEOUT, e.toString());
                    }
                    return null;
                });
    }

    /**
     * The first fault stops the crawl like SIGTERM (no new requests, pages in flight end, a last checkpoint, which
     * the faulted stage refuses, so nothing after the fault is committed), and /health says why until the end. If the
     * stages do not wind down within the SIGTERM bound, the crawl is finished anyway: the state is consistent.
     */
    private void onFault(Fault reported, Promise<String> finished) {
        if (fault != null) {
            return;
        }
        Fault named = reported.value() != null ? reported
                : new Fault(reported.key(), folderOf(reported.key()), reported.error(), reported.diskFull());
        fault = named;
        stats.fault(named.reason());
        LOG.error("stopping: {}", named.reason());
        requestStop();
        long boundMs = config.fetch().timeout().toMillis() + 30_000;
        vertx.setTimer(boundMs, id -> finished.tryComplete("stopped"));
    }

    private String folderOf(String key) {
        return String.valueOf(key.equals("state.dir") ? config.state().dir() : config.output().dir());
    }

    /** The fault that stopped the crawl, or null. */
    public Fault fault() {
        return fault;
    }

    private void closeState() {
        stateWatch.closed();
        try {
            stores.close();
        } catch (StateException closeFailed) { // the pending changes are lost, as in a crash; a resume mends it
            LOG.warn("the state could not be flushed at close: {}", closeFailed.getMessage());
        }
    }

    /** The frontier's last word on its hosts, for the summary; empty if it does not answer. */
    private Future<FrontierStatus> frontierStatus() {
        return vertx.eventBus().<FrontierStatus>request(Addresses.FRONTIER_STATUS, null)
                .map(msg -> msg.body())
                .otherwise(e -> FrontierStatus.unknown());
    }

    /** Asks the frontier to hand out no more work; in-flight pages still reach the output. */
    public void requestStop() {
        stopRequested = true;
        vertx.eventBus().send(Addresses.FRONTIER_STOP, null);
    }

    /** The monitor's bound port, once started (-1 when disabled). */
    public int monitorPort() {
        return monitor == null ? -1 : monitor.actualPort();
    }

    private Future<?> deployAll() {
        PolitenessGate gate = new PolitenessGate(config.politeness(), config.fetch().retryBackoff(),
                PageFetcher.ROBOTS_MAX_BYTES, clock, stores.hosts());
        Frontier frontier = new Frontier(config, stores.store(), stores.seen(), gate, clock, registry,
                stores.revisits(), cluster == null ? HostShare.WHOLE : cluster.share());
        // on the frontier's thread, into the checkpoint's atomic write: the totals match the state and the output
        frontier.beforeCheckpointCommit(() -> {
            stores.saveHistory(stats.history(), false);
            stateWatch.checkpointed();
        });
        boolean versions = config.crawl().continuous() && config.recrawl().articleRevisits() > 0;
        SinkVerticle sink = new SinkVerticle(config.output(), stores.writtenKeys(), registry, WarcInfo.fields(config),
                versions, cluster == null ? ArticleClaims.LOCAL : cluster.claims());
        ArticleExtractor extractor = new ArticleExtractor(config.extract());
        SitemapReader sitemapReader = new SitemapReader(config.discovery().maxAge(),
                config.discovery().maxUrlsPerSitemap(), Clock.systemUTC());
        PageFetcher fetcher = new PageFetcher(vertx, config.fetch(), config.politeness().userAgent(), registry,
                config.output().warc()); // captures each exchange only for the WARC output
        if (config.monitor().enabled()) {
            ClusterView view = cluster == null ? null : clusterView();
            monitor = new MonitorVerticle(config.monitor(), stats, registry,
                    view == null ? health() : health().withCluster(view), view);
        }
        // The monitor first: a port taken since the preflight must fail the start before the output folder is made.
        return (monitor == null ? Future.succeededFuture() : deploy(monitor, new DeploymentOptions())
                .recover(e -> Future.failedFuture(Preflight.portFault(config.monitor(), e))))
                .compose(v -> deploy(sink, new DeploymentOptions())
                        .recover(e -> Future.failedFuture(outputFault(e))))
                .onSuccess(v -> {
                    if (config.state().durable()) { // a throwaway crawl's totals are this run's
                        stats.articlesInOutput(sink.articlesFound());
                    }
                })
                .compose(v -> deploy(new ProgressVerticle(stats, config.monitor().progressInterval(), config.crawl().maxPages()), new DeploymentOptions()))
                .compose(v -> deploy(new FrontierVerticle(frontier, clock, config.state().durable()
                        ? config.state().checkpointInterval() : Duration.ZERO), new DeploymentOptions()))
                .compose(v -> vertx.deployVerticle(() -> new ExtractVerticle(extractor, registry), new DeploymentOptions()
                        .setThreadingModel(ThreadingModel.WORKER).setInstances(config.extract().workers())))
                .onSuccess(deployments::add)
                .compose(v -> deploy(new DiscoveryVerticle(sitemapReader, registry),
                        new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER)))
                .compose(v -> deploy(new SlotVerticle(fetcher, config.fetch().concurrency(), registry,
                        stats.recentErrors()), new DeploymentOptions()));
    }

    /** The cluster as the monitor shows it; this node's counters go to the others' /status?cluster=true. */
    private ClusterView clusterView() {
        return new ClusterView() {
            @Override
            public JsonObject membership() {
                return cluster.view();
            }

            @Override
            public Future<JsonObject> members() {
                return cluster.members();
            }
        };
    }

    private CrawlHealth health() {
        Map<String, Path> folders = new LinkedHashMap<>();
        folders.put("output.dir", config.output().dir());
        if (config.state().durable()) {
            folders.put("state.dir", config.state().dir());
        }
        return new CrawlHealth(stats, new DiskCheck(folders, config.monitor().minFreeDisk()), stateWatch,
                new ProgressWatch(clock, config.monitor().stallAfter()), config.monitor().stallAfter());
    }

    /** The output folder could not be opened (created, cleaned up, read back): one line naming output.dir. */
    private StartupFault outputFault(Throwable e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return new StartupFault(DiskFull.causes(e) ? Main.EXIT_FATAL : Main.EXIT_CONFIG, "output.dir "
                + config.output().dir() + " cannot be used: " + e.getMessage()
                + (cause != e ? " (" + cause + ")" : "") + ": point output.dir at a writable folder with free space", e);
    }

    private Future<String> deploy(Deployable verticle, DeploymentOptions options) {
        return vertx.deployVerticle(verticle, options).onSuccess(deployments::add);
    }

    /** Undeploys newest first: fetch slots, extractors, frontier, progress, the sink, and the monitor last. */
    private Future<?> shutdown() {
        Future<?> chain = Future.succeededFuture();
        for (int i = deployments.size() - 1; i >= 0; i--) {
            String id = deployments.get(i);
            chain = chain.compose(v -> vertx.undeploy(id)
                    .onFailure(e -> LOG.warn("undeploy of {} failed: {}", id, e.getMessage()))
                    .otherwiseEmpty());
        }
        return chain;
    }
}
