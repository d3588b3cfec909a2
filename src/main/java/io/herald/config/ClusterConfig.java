package io.herald.config;

import java.time.Duration;
import java.util.List;

/**
 * The {@code cluster} section: several Herald processes crawl one crawl together, each owning a share of the hosts.
 *
 * @param enabled     join the cluster (also {@code crawl --cluster}); off, Herald runs alone as ever
 * @param nodeName    this node's name, unique in the cluster; names its share of the output and state folders
 * @param host        the address the cluster transport binds and advertises
 * @param port        the cluster transport's port; 0 picks a free one
 * @param members     {@code host:port} of the members to join (TCP-IP join); the crawl starts once as many nodes
 *                    as are listed here have joined
 * @param joinTimeout how long to wait for the listed members before giving up
 * @param takeoverAfter how long a node may be gone from the cluster before the others take its hosts over;
 *                    {@link Duration#ZERO}: never (its hosts wait for it to come back)
 */
public record ClusterConfig(boolean enabled, String nodeName, String host, int port, List<String> members,
                            Duration joinTimeout, Duration takeoverAfter) {
    public ClusterConfig {
        members = List.copyOf(members);
    }

    /** How many nodes the crawl waits for before it starts: one per listed member. */
    public int expectedNodes() {
        return Math.max(1, members.size());
    }
}
