package io.herald.app;

import io.herald.cluster.ClusterNode;
import io.herald.config.ConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Joining refused, in this JVM: a running one-node cluster, and nodes that must not join it (another config, a
 * name of the running crawl's, a name not in its ring), plus a node whose members never come. Each refusal names
 * what to fix; none crawls.
 */
class ClusterJoinTest {
    @TempDir
    Path tmp;

    @Test
    void nodesThatDoNotFitTheClusterAreRefusedWithTheReason() throws Exception {
        int portA = freePort();
        Path conf = config("join-test", List.of(portA));
        ClusterNode a = ClusterNode.join(ConfigLoader.load(conf, Map.of("cluster.nodeName", "a",
                "cluster.port", String.valueOf(portA), "cluster.enabled", "true")));
        try {
            CommandRun other = node(conf, "b", "--set", "politeness.delay=5s");
            assertThat(other.exitCode()).as(other.err()).isEqualTo(Main.EXIT_CONFIG);
            assertThat(other.err()).contains("differs from the cluster's at politeness.delay")
                    .contains("the cluster has 1s, this node 5s");

            CommandRun twin = node(conf, "a", "--set", "cluster.joinTimeout=8s");
            assertThat(twin.exitCode()).as(twin.err()).isEqualTo(Main.EXIT_CONFIG);
            assertThat(twin.err()).contains("cluster.nodeName a is already a live member");
        } finally {
            a.leave().await(30, TimeUnit.SECONDS);
        }
        assertThat(Files.exists(tmp.resolve("out"))).as("no refused node crawled").isFalse();
    }

    @Test
    void membersThatNeverComeTimeOutWithAClearMessage() throws Exception {
        Path conf = config("lonely-test", List.of(freePort(), freePort()));
        CommandRun alone = node(conf, "e", "--set", "cluster.joinTimeout=8s");
        assertThat(alone.exitCode()).as(alone.err()).isEqualTo(Main.EXIT_FATAL);
        assertThat(alone.err()).contains("1 of 2 nodes joined within 8s (cluster.joinTimeout)")
                .contains("members tried:");
    }

    private CommandRun node(Path conf, String name, String... more) throws IOException {
        List<String> args = new ArrayList<>(List.of("crawl", "-c", conf.toString(), "--cluster",
                "--set", "cluster.nodeName=" + name, "--set", "cluster.port=" + freePort()));
        args.addAll(List.of(more));
        return CommandRun.of(args.toArray(String[]::new));
    }

    private Path config(String name, List<Integer> memberPorts) throws IOException {
        List<String> members = memberPorts.stream().map(p -> "127.0.0.1:" + p).toList();
        Path conf = tmp.resolve(name + ".yaml");
        Files.writeString(conf, String.join("\n",
                "crawl: {name: " + name + ", seeds: ['http://127.0.0.1:9/']}",
                "output: {dir: '" + tmp.resolve("out") + "'}",
                "state: {dir: '" + tmp.resolve("state") + "'}",
                "monitor: {enabled: false, progressInterval: 0}",
                "cluster: {members: [" + String.join(", ", members) + "], joinTimeout: 20s}", ""));
        return conf;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
