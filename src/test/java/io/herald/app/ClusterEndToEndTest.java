package io.herald.app;

import io.herald.cluster.HostRing;
import io.herald.testing.CrawlerProcess;
import io.herald.testing.TestSite;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Three real crawler processes form a cluster on loopback (Hazelcast ports chosen at random) and crawl nine local
 * sites from one seed: every other host is found through links, so its URLs reach its owner only by being handed
 * over. Every article must be in exactly one node's output, and no server may see two requests closer than the
 * delay, measured at the server.
 */
@ExtendWith(VertxExtension.class)
class ClusterEndToEndTest {
    private static final int HOSTS = 9;
    private static final int STORIES = 5;
    private static final long DELAY_MS = 400;
    private static final List<String> NODES = List.of("a", "b", "c");

    @TempDir
    Path tmp;

    private final List<Process> processes = new ArrayList<>();
    /** Stories per site: a test that needs the crawl to last longer has more. */
    private int stories = STORIES;
    /** Every node that took part, whose output counts. */
    private final List<String> allNodes = new ArrayList<>(NODES);
    /** The nodes' config and cluster ports, set by {@link #startNodes}; a restarted node gets the same. */
    private Path conf;
    private Map<String, Integer> ports;

    @AfterEach
    void killLeftovers() throws InterruptedException {
        for (Process p : processes) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void threeNodesCrawlEveryArticleOnceAndKeepEveryHostsDelay(Vertx vertx) throws Exception {
        List<TestSite> sites = startSites(vertx);
        Map<String, Process> nodes = startNodes(sites, node -> node.equals("a")
                ? List.of("--set", "monitor.enabled=true", "--set", "monitor.port=0") : List.of());
        // node a's monitor, while the crawl runs: its membership, and every node's counters summed
        int monitorPort = await().atMost(Duration.ofSeconds(60)).until(() -> monitorPort("a"), p -> p > 0);
        await().atMost(Duration.ofSeconds(60)).until(() -> lines("a") + lines("b") + lines("c") > 0);
        JsonObject health = get(vertx, monitorPort, "/health");
        JsonObject cluster = health.getJsonArray("checks").stream().map(JsonObject.class::cast)
                .filter(c -> c.getString("id").equals("cluster")).findFirst().orElseThrow().getJsonObject("data");
        assertThat(cluster.getString("node")).isEqualTo("a");
        assertThat(cluster.getJsonArray("nodes").getList()).containsExactly("a", "b", "c");
        JsonObject all = get(vertx, monitorPort, "/status?cluster=true");
        assertThat(all.getJsonObject("nodes").fieldNames()).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(all.getJsonObject("totals").getLong("pagesFetched")).isPositive();
        assertThat(get(vertx, monitorPort, "/status").getJsonObject("cluster").getString("node")).isEqualTo("a");

        awaitFinished(nodes, null, "run");
        assertOutputsAndGaps(sites);
    }

    private int monitorPort(String node) throws IOException {
        Matcher m = Pattern.compile("monitor on http://127\\.0\\.0\\.1:(\\d+)/health")
                .matcher(Files.readString(tmp.resolve(node + "-run.log")));
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    private static JsonObject get(Vertx vertx, int port, String path) throws Exception {
        return vertx.createHttpClient().request(HttpMethod.GET, port, "127.0.0.1", path)
                .compose(req -> req.send().compose(resp -> resp.body()))
                .map(body -> body.toJsonObject())
                .await(10, TimeUnit.SECONDS);
    }

    /**
     * kill -9 of one node mid-crawl: the others keep its URLs (they hand them over only once it acknowledges them) and
     * wait for it; restarted with the same command, it resumes its hosts from its own state and the crawl ends with
     * every article once. (It is back within {@code cluster.takeoverAfter}, so the others do not take its hosts over.)
     */
    @Test
    void aNodeKilledMidCrawlResumesItsHostsWhenRestartedAndNothingIsLostOrWrittenTwice(Vertx vertx) throws Exception {
        List<TestSite> sites = startSites(vertx);
        Map<String, Process> nodes = startNodes(sites, node -> List.of());
        // the first node to write is killed: which nodes own hosts depends on how the sites' names hash
        String victim = firstToWrite();
        nodes.get(victim).destroyForcibly(); // SIGKILL: no shutdown hook, no last checkpoint, no goodbye to the cluster
        assertThat(nodes.get(victim).waitFor(10, TimeUnit.SECONDS)).isTrue();
        long linesAtKill = lines(victim);

        nodes.put(victim, start(conf, victim, ports.get(victim), "restart")); // the same command again
        awaitFinished(nodes, victim, "restart");
        assertOutputsAndGaps(sites);
        assertThat(linesAtKill).as("killed mid-crawl").isLessThan(HOSTS * STORIES);
    }

    /**
     * A fourth node joins while the three crawl: it takes the hosts its place on the ring gives it, once their old
     * owners have stopped asking them and the longest delay has passed; the servers never see two requests closer than
     * the delay, and every article is still written once across the four outputs.
     */
    @Test
    void aFourthNodeJoiningMidCrawlTakesAShareOfTheHostsWithoutBreakingAnyDelay(Vertx vertx) throws Exception {
        stories = 30; // long enough that the newcomer arrives while there is work on its hosts
        List<TestSite> sites = startSites(vertx);
        Map<String, Process> nodes = startNodes(sites, node -> List.of());
        String newcomer = newcomerWithHosts(sites);
        firstToWrite();
        nodes.put(newcomer, start(conf, newcomer, freePort(), "run"));
        allNodes.add(newcomer);

        awaitFinished(nodes, null, "run");
        assertOutputsAndGaps(sites);
        assertThat(log(newcomer, "run")).contains("shared among [a, b, c, " + newcomer + "] (ring 2)");
        assertThat(lines(newcomer)).as("the newcomer crawled its share; its log:%n%s", log(newcomer, "run"))
                .isPositive();
    }

    /**
     * kill -9 of one node, never restarted: once it is gone for {@code cluster.takeoverAfter} the others drop it from
     * the ring, take its hosts and its replicated queue over, and finish the crawl with every article once across all
     * outputs (its own among them) and every host's delay kept. Each front page lists its stories only for a few
     * seconds after it was first served and no story links another, so the stories the dead node had queued are
     * known only to its replicated queue: a survivor that fetched the front again would find none.
     */
    @Test
    void aNodeKilledForGoodIsDroppedAndTheOthersFinishItsHostsWithNothingLostOrWrittenTwice(Vertx vertx)
            throws Exception {
        stories = 12;
        List<TestSite> sites = startFadingSites(vertx);
        Map<String, Process> nodes = startNodes(sites, node -> List.of("--set", "cluster.takeoverAfter=2s"));
        String victim = firstToWrite();
        // every front page read and its stories queued (and replicated, at the next checkpoint) before the kill
        await().atMost(Duration.ofSeconds(60)).until(() -> sites.stream().allMatch(site -> site.paths().contains("/")));
        long lastFront = sites.stream().flatMap(site -> site.hits().stream()).filter(hit -> hit.path().equals("/"))
                .mapToLong(TestSite.Hit::endedNanos).max().orElseThrow();
        await().atMost(Duration.ofSeconds(10)).until(() -> System.nanoTime() - lastFront > 1_000_000_000L);
        nodes.get(victim).destroyForcibly();
        assertThat(nodes.get(victim).waitFor(10, TimeUnit.SECONDS)).isTrue();
        long linesAtKill = lines(victim);
        nodes.remove(victim);

        awaitFinished(nodes, null, "run");
        assertOutputsAndGaps(sites);
        assertThat(linesAtKill).as("killed mid-crawl").isLessThan(HOSTS * stories);
        String logs = String.join("\n", log(nodes.keySet().iterator().next(), "run"),
                log(List.copyOf(nodes.keySet()).get(1), "run"));
        assertThat(logs).contains("ring 2 takes effect").contains("dropped so far: [" + victim + "]")
                .containsPattern("took over [1-9][0-9]* URLs of " + victim + "'s queue");
    }

    /**
     * Sites whose front page lists its stories (the first site's also every other front) only during the 3 s after
     * its first request, and whose stories link nowhere.
     */
    private List<TestSite> startFadingSites(Vertx vertx) throws Exception {
        List<TestSite> sites = new ArrayList<>();
        for (int h = 0; h < HOSTS; h++) {
            sites.add(new TestSite(vertx, "127.0.0." + (31 + h)).start().await(10, TimeUnit.SECONDS));
        }
        for (int h = 0; h < HOSTS; h++) {
            TestSite site = sites.get(h);
            StringBuilder front = new StringBuilder(TestSite.storyIndex(stories).replace("</body></html>", ""));
            if (h == 0) {
                sites.forEach(other -> front.append("<a href=\"").append(other.url("/")).append("\">Site</a> "));
            }
            String listed = front.append("</body></html>").toString();
            AtomicLong firstServed = new AtomicLong();
            site.route("/", req -> {
                firstServed.compareAndSet(0, System.nanoTime());
                boolean fresh = System.nanoTime() - firstServed.get() < 3_000_000_000L;
                req.response().putHeader("content-type", "text/html; charset=utf-8")
                        .end(fresh ? listed : "<html><body>Nothing new.</body></html>");
            });
            for (int i = 0; i < stories; i++) {
                site.html("/story/" + i, TestSite.article("Story " + h + "-" + i, "Story " + h + "-" + i + " begins."));
            }
        }
        return sites;
    }

    /** The first of d, e, f, ... that owns at least two of the sites' servers once it joins a, b and c. */
    private static String newcomerWithHosts(List<TestSite> sites) {
        for (char c = 'd'; c <= 'z'; c++) {
            String name = String.valueOf(c);
            HostRing ring = new HostRing(List.of("a", "b", "c", name));
            long owned = sites.stream().filter(site -> ring.owner(site.base().replaceAll("/$", "")).equals(name))
                    .count();
            if (owned >= 2) {
                return name;
            }
        }
        throw new IllegalStateException("no name would own two of the sites");
    }

    private String firstToWrite() throws IOException {
        try {
            return await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(20))
                    .until(() -> NODES.stream().filter(n -> lines(n) >= 1).findFirst().orElse(null), n -> n != null);
        } catch (ConditionTimeoutException e) {
            StringBuilder logs = new StringBuilder();
            for (String node : NODES) {
                logs.append("\n--- node ").append(node).append(":\n").append(log(node, "run"));
            }
            throw new AssertionError("no node wrote an article within 90 s" + logs, e);
        }
    }

    /** Waits for every node to exit 0; {@code restarted} (or null) is the node whose current log is {@code run}. */
    private void awaitFinished(Map<String, Process> nodes, String restarted, String run) throws Exception {
        for (Map.Entry<String, Process> node : nodes.entrySet()) {
            String name = node.getKey();
            String logName = name.equals(restarted) ? run : "run";
            assertThat(node.getValue().waitFor(120, TimeUnit.SECONDS))
                    .as("node %s finished; its log:%n%s", name, log(name, logName)).isTrue();
            assertThat(node.getValue().exitValue()).as("node %s's exit; its log:%n%s", name, log(name, logName))
                    .isZero();
        }
    }

    private void assertOutputsAndGaps(List<TestSite> sites) throws IOException {
        for (TestSite site : sites) {
            assertThat(site.minGapMillis()).as("gap at %s", site.base()).isGreaterThanOrEqualTo(DELAY_MS);
        }
        List<String> urls = articleUrls();
        assertThat(new TreeSet<>(urls)).isEqualTo(expected(sites));
        assertThat(urls).as("no article written twice across the nodes").hasSize(HOSTS * stories);
        long writers = allNodes.stream().filter(n -> lines(n) > 0).count();
        assertThat(writers).as("the hosts are shared: more than one node wrote articles").isGreaterThan(1);
    }

    private List<TestSite> startSites(Vertx vertx) throws Exception {
        List<TestSite> sites = new ArrayList<>();
        for (int h = 0; h < HOSTS; h++) {
            sites.add(new TestSite(vertx, "127.0.0." + (31 + h)).start().await(10, TimeUnit.SECONDS));
        }
        StringBuilder front = new StringBuilder("<html><body>");
        for (int h = 0; h < HOSTS; h++) {
            TestSite site = sites.get(h);
            TestSite next = sites.get((h + 1) % HOSTS);
            site.html("/", TestSite.storyIndex(stories));
            for (int i = 0; i < stories; i++) {
                site.html("/story/" + i, TestSite.article("Story " + h + "-" + i, "Story " + h + "-" + i + " begins.",
                        "/story/" + (i + 1) % stories, next.url("/story/" + i)));
            }
            front.append("<a href=\"").append(site.url("/")).append("\">Site ").append(h).append("</a> ");
        }
        sites.get(0).html("/", front.append(TestSite.storyIndex(stories).replace("<html><body>", "")).toString());
        return sites;
    }

    private Path config(List<TestSite> sites, Iterable<Integer> clusterPorts) throws IOException {
        List<String> members = new ArrayList<>();
        clusterPorts.forEach(p -> members.add("127.0.0.1:" + p));
        String hosts = sites.stream().map(s -> "'" + URI.create(s.base()).getHost() + "'")
                .collect(Collectors.joining(", "));
        Path conf = tmp.resolve("cluster.yaml");
        Files.writeString(conf, String.join("\n",
                "crawl: {name: cluster-test, seeds: ['" + sites.get(0).url("/") + "']}",
                "scope: {hosts: [" + hosts + "]}",
                "politeness: {delay: " + DELAY_MS + "ms, maxCrawlDelay: 1s, maxAdaptiveDelay: 1s}",
                "fetch: {concurrency: 4}",
                "extract: {minWords: 30, workers: 1}",
                "output: {dir: '" + tmp.resolve("out") + "'}",
                "state: {dir: '" + tmp.resolve("state") + "', checkpointInterval: 200ms}",
                "monitor: {enabled: false, progressInterval: 0}",
                "cluster: {members: [" + String.join(", ", members) + "], joinTimeout: 60s}", ""));
        return conf;
    }

    /** Starts a node of each name, all with one config of the {@code sites} and their own ports and extra options. */
    private Map<String, Process> startNodes(List<TestSite> sites, Function<String, List<String>> extra)
            throws IOException {
        ports = ports(NODES);
        conf = config(sites, ports.values());
        Map<String, Process> nodes = new LinkedHashMap<>();
        for (String node : NODES) {
            nodes.put(node, start(conf, node, ports.get(node), "run", extra.apply(node)));
        }
        return nodes;
    }

    private Process start(Path conf, String node, int port, String run) throws IOException {
        return start(conf, node, port, run, List.of());
    }

    private Process start(Path conf, String node, int port, String run, List<String> more) throws IOException {
        List<String> args = new ArrayList<>(List.of("crawl", "-c", conf.toString(), "--cluster",
                "--set", "cluster.nodeName=" + node, "--set", "cluster.port=" + port));
        args.addAll(more);
        List<String> command = CrawlerProcess.command(List.of("-Xmx160m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1"), args.toArray(String[]::new));
        Process process = CrawlerProcess.start(command, tmp.resolve(node + "-" + run + ".log"));
        processes.add(process);
        return process;
    }

    private String log(String node, String run) throws IOException {
        return CrawlerProcess.tail(tmp.resolve(node + "-" + run + ".log"));
    }

    private List<String> articleUrls() throws IOException {
        List<String> urls = new ArrayList<>();
        for (String node : allNodes) {
            Path dir = tmp.resolve("out").resolve(node);
            for (Path file : Files.isDirectory(dir) ? CrawlSummary.articleFiles(dir) : List.<Path>of()) {
                Files.readAllLines(file).forEach(line -> urls.add(new JsonObject(line).getString("url")));
            }
        }
        return urls;
    }

    private long lines(String node) {
        try {
            Path dir = tmp.resolve("out").resolve(node);
            long n = 0;
            for (Path file : CrawlSummary.articleFiles(dir)) {
                n += Files.readAllLines(file).size();
            }
            return n;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Set<String> expected(List<TestSite> sites) {
        Set<String> urls = new TreeSet<>();
        sites.forEach(site -> {
            for (int i = 0; i < stories; i++) {
                urls.add(site.url("/story/" + i));
            }
        });
        return urls;
    }

    private static Map<String, Integer> ports(List<String> nodes) throws IOException {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String node : nodes) {
            ports.put(node, freePort());
        }
        return ports;
    }

    /** A port free a moment ago; the node binds it within a second, so a clash with another test is unlikely. */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
