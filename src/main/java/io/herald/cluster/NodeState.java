package io.herald.cluster;

import io.vertx.core.json.JsonObject;

/**
 * What one node reports for the end-of-crawl check.
 *
 * @param idle     nothing queued, nothing in flight and no URL handed over that its owner has not acknowledged
 * @param sent     URLs this node has handed over to others since it started
 * @param received URLs this node has admitted from others since it started
 * @param settled  the newest ring epoch under which this node has no request in flight to a host it does not own
 */
public record NodeState(boolean idle, long sent, long received, long settled) {
    public JsonObject toJson() {
        return new JsonObject().put("idle", idle).put("sent", sent).put("received", received).put("settled", settled);
    }

    public static NodeState fromJson(JsonObject json) {
        return new NodeState(json.getBoolean("idle", false), json.getLong("sent", 0L), json.getLong("received", 0L),
                json.getLong("settled", 0L));
    }
}
