package io.herald.frontier;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CheckpointCycleTest {
    private final List<String> events = new ArrayList<>();
    private final List<Promise<Void>> syncs = new ArrayList<>();
    private final CheckpointCycle cycle = new CheckpointCycle(this::begin, this::sync);

    private Runnable begin() {
        int n = syncs.size() + 1;
        events.add("begin " + n);
        return () -> events.add("commit " + n);
    }

    private Future<?> sync() {
        Promise<Void> sync = Promise.promise();
        syncs.add(sync);
        return sync.future();
    }

    @Test
    void commitsOnlyOnceTheOutputIsSynced() {
        cycle.tick();
        assertThat(events).containsExactly("begin 1");
        syncs.get(0).complete();
        assertThat(events).containsExactly("begin 1", "commit 1");
    }

    @Test
    void aTickWhileACheckpointWaitsForTheSinkIsSkipped() {
        cycle.tick();
        cycle.tick();
        assertThat(syncs).hasSize(1);
        syncs.get(0).complete();
        cycle.tick();
        assertThat(events).containsExactly("begin 1", "commit 1", "begin 2");
    }

    @Test
    void aFailedSyncSkipsTheCommitAndTheNextTickTriesAgain() {
        cycle.tick();
        syncs.get(0).fail("sink timed out");
        cycle.tick();
        syncs.get(1).complete();
        assertThat(events).containsExactly("begin 1", "begin 2", "commit 2");
    }

    @Test
    void theLastCheckpointWaitsForThePendingOneThenCommitsOnceMore() {
        cycle.tick();
        Future<Void> last = cycle.last();
        assertThat(syncs).as("the last waits for the one under way").hasSize(1);
        syncs.get(0).complete();
        assertThat(last.isComplete()).isFalse();
        syncs.get(1).complete();
        assertThat(last.succeeded()).isTrue();
        assertThat(events).containsExactly("begin 1", "commit 1", "begin 2", "commit 2");
    }

    @Test
    void theLastCheckpointSucceedsEvenWhenItsSyncFails() {
        Future<Void> last = cycle.last();
        syncs.get(0).fail("disk full");
        assertThat(last.succeeded()).as("stop must not fail on a lost checkpoint").isTrue();
        assertThat(events).containsExactly("begin 1");
    }
}
