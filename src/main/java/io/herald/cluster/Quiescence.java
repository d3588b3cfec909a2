package io.herald.cluster;

import java.util.Map;
import java.util.Set;

/**
 * Decides when a cluster's crawl is over, from rounds of every node's {@link NodeState} (the "four counter" method
 * of distributed termination detection). One round of idle answers is not enough, because the answers are read at
 * different moments: node A may say idle just before a URL from B reaches it. But a URL handed over keeps its sender
 * busy until the owner has admitted it, and every admission or hand-over moves a counter; so two rounds in a row in
 * which every node is idle and no counter moved mean that nothing happened between them, and nothing can again.
 */
final class Quiescence {
    private final Set<String> nodes;
    private Map<String, NodeState> previous;

    Quiescence(Set<String> nodes) {
        this.nodes = Set.copyOf(nodes);
    }

    /**
     * One round of answers (a node that did not answer is missing). True once the crawl is over everywhere; a round
     * with a node missing or busy starts the count again.
     */
    boolean observe(Map<String, NodeState> round) {
        boolean allIdle = round.keySet().equals(nodes) && round.values().stream().allMatch(NodeState::idle);
        if (!allIdle) {
            previous = null;
            return false;
        }
        boolean over = round.equals(previous);
        previous = Map.copyOf(round);
        return over;
    }
}
