package io.herald.cluster;

import io.herald.model.CrawlUrl;
import io.herald.model.Via;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxTest {
    private final List<Sent> sent = new ArrayList<>();
    private final AtomicInteger delivered = new AtomicInteger();
    private final List<Long> retries = new ArrayList<>();
    private final Outbox<CrawlUrl> outbox = new Outbox<>((node, batch) -> {
        Promise<Void> ack = Promise.promise();
        sent.add(new Sent(node, List.copyOf(batch), ack));
        return ack.future();
    }, 2, retries::add, batch -> delivered.addAndGet(batch.size()));

    private record Sent(String node, List<CrawlUrl> batch, Promise<Void> ack) {
    }

    @Test
    void oneBatchPerOwnerIsOnItsWayAndTheRestWaitsForTheAck() {
        outbox.add("b", url(1));
        outbox.add("b", url(2));
        outbox.add("b", url(3));
        outbox.add("c", url(4));
        assertThat(sent).extracting(Sent::node).containsExactly("b", "c");
        assertThat(sent.get(0).batch()).extracting(CrawlUrl::url).containsExactly(url(1).url());

        sent.get(0).ack().complete();
        assertThat(delivered).hasValue(1);
        assertThat(sent).hasSize(3);
        assertThat(sent.get(2).batch()).extracting(CrawlUrl::url).containsExactly(url(2).url(), url(3).url());
    }

    @Test
    void aFailedBatchIsKeptInOrderAndSentAgainOnRetry() {
        outbox.add("b", url(1));
        outbox.add("b", url(2));
        outbox.add("b", url(3));
        sent.get(0).ack().fail("NO_HANDLERS");
        assertThat(retries).containsExactly(Outbox.RETRY_MS);
        assertThat(outbox.unreachable()).containsExactly("b");
        outbox.add("b", url(4)); // waits while b fails
        assertThat(sent).hasSize(1);

        outbox.retry();
        assertThat(outbox.unreachable()).isEmpty();
        assertThat(sent.get(1).batch()).extracting(CrawlUrl::url).containsExactly(url(1).url(), url(2).url());
        sent.get(1).ack().complete();
        sent.get(2).ack().complete();
        assertThat(sent.get(2).batch()).extracting(CrawlUrl::url).containsExactly(url(3).url(), url(4).url());
        assertThat(delivered).hasValue(4);
    }

    @Test
    void urlsWaitingForADroppedNodeAndABatchItNeverAnsweredGoToTheNewOwner() {
        outbox.add("b", url(1)); // on its way to b at once
        outbox.add("b", url(2));
        outbox.add("b", url(3)); // these two wait for b's answer
        outbox.reroute(java.util.Set.of("a", "c"), url -> "c");
        assertThat(sent).extracting(Sent::node).containsExactly("b", "c");
        assertThat(sent.get(1).batch()).extracting(CrawlUrl::url).containsExactly(url(2).url(), url(3).url());

        sent.get(0).ack().fail("timeout"); // b was killed with the batch
        sent.get(1).ack().complete();
        assertThat(sent).extracting(Sent::node).containsExactly("b", "c", "c");
        assertThat(sent.get(2).batch()).extracting(CrawlUrl::url).containsExactly(url(1).url());
        outbox.add("b", url(4)); // from a page whose owner was read before the ring changed
        sent.get(2).ack().complete();
        assertThat(sent.get(3).node()).isEqualTo("c");
        assertThat(retries).as("nothing waits for b").isEmpty();
        assertThat(outbox.unreachable()).isEmpty();
    }

    private static CrawlUrl url(int i) {
        return new CrawlUrl("http://127.0.0.2:8080/p" + i, "http://127.0.0.2:8080", 1, null, Via.LINK, 0, 0);
    }
}
