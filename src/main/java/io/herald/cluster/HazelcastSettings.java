package io.herald.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MultiMapConfig;
import com.hazelcast.config.NetworkConfig;
import io.herald.config.ClusterConfig;

/**
 * The Hazelcast member of a node, configured in code from the {@code cluster} section (no cluster.xml to keep in
 * step): TCP-IP join to the listed members, multicast and auto-detection off, bound to {@code cluster.host}, and
 * failure detection in seconds rather than Hazelcast's minute, because a dead node's hosts wait for it.
 */
final class HazelcastSettings {
    private HazelcastSettings() {
    }

    static Config of(ClusterConfig cluster, String crawlName) {
        Config hz = new Config();
        hz.setClusterName("herald-" + crawlName); // two crawls on one network never merge
        hz.setProperty("hazelcast.logging.type", "slf4j");
        hz.setProperty("hazelcast.phone.home.enabled", "false");
        hz.setProperty("hazelcast.shutdownhook.enabled", "false"); // Vert.x leaves the cluster when it closes
        hz.setProperty("hazelcast.local.localAddress", cluster.host());
        hz.setProperty("hazelcast.socket.bind.any", "false");
        hz.setProperty("hazelcast.wait.seconds.before.join", "0");
        hz.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        hz.setProperty("hazelcast.max.no.heartbeat.seconds", "8");
        hz.setProperty("hazelcast.merge.first.run.delay.seconds", "5"); // members that started alone find each other
        hz.setProperty("hazelcast.merge.next.run.delay.seconds", "5");
        NetworkConfig network = hz.getNetworkConfig();
        network.setPort(cluster.port()).setPortAutoIncrement(false); // 0: an ephemeral port (Hazelcast >= 3.8)
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setMembers(cluster.members()).setConnectionTimeoutSeconds(2);
        // what Vert.x's default-cluster.xml sets for its own structures
        hz.addMultiMapConfig(new MultiMapConfig("__vertx.subs").setBackupCount(1)
                .setValueCollectionType(MultiMapConfig.ValueCollectionType.SET));
        hz.addMapConfig(new MapConfig("__vertx.haInfo").setBackupCount(1));
        hz.addMapConfig(new MapConfig("__vertx.nodeInfo").setBackupCount(1));
        hz.addMapConfig(new MapConfig(ClusterNode.MAP).setBackupCount(2));
        // a claim lost with its member would let a second node write the article: one backup, as Vert.x's own maps
        hz.addMapConfig(new MapConfig(ClusterClaims.MAP).setBackupCount(1));
        // each node's replicated queue: one backup, so that it survives its node's member (HazelcastQueueReplica)
        hz.addMapConfig(new MapConfig(HazelcastQueueReplica.PREFIX + "*").setBackupCount(1));
        return hz;
    }
}
