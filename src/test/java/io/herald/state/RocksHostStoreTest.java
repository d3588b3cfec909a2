package io.herald.state;

import io.herald.model.Validators;

import io.herald.model.CrawlUrl;
import io.herald.model.FetchResult;
import io.herald.model.FetchTask;
import io.herald.model.Via;
import io.herald.politeness.Decision;
import io.herald.politeness.HostStore;
import io.herald.politeness.PolitenessGate;
import io.herald.politeness.SavedHostState;
import io.herald.politeness.SavedHostState.RobotsState;
import io.herald.politeness.SavedHost;
import io.herald.politeness.SavedRobots;
import io.herald.testing.FakeClock;
import io.herald.testing.TestConfigs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.DBOptions;
import org.rocksdb.RocksDB;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RocksHostStoreTest {
    private static final String HOST = "https://news.test";
    private static final SavedHostState CLOCK = new SavedHostState(RobotsState.READY, 0, 0, null, 1_700_000_001_000L, 2, 1,
            0, 4000, "backoff", 123.5, 17, 3);
    private static final SavedRobots ROBOTS = new SavedRobots(HOST + "/robots.txt", SavedRobots.FETCHED,
            "User-agent: *\nDisallow: /private/\n".getBytes(StandardCharsets.UTF_8), "text/plain", false,
            1_700_000_000_000L);

    @TempDir
    Path dir;
    @RegisterExtension
    final TestStateDb db = new TestStateDb();

    private HostStore open() {
        return new RocksHostStore(db.reopen(dir));
    }

    @Test
    void whatIsSavedIsLoadedAfterCloseAndReopen() {
        HostStore memory = open();
        memory.saveRobots(HOST, ROBOTS);
        memory.saveState(HOST, CLOCK);
        SavedHostState given = new SavedHostState(RobotsState.GIVEN_UP, 0, 4, "robots.txt unreachable after 4 tries", 0, 0, 0,
                0, 0, "configured", -1, 4, 0);
        memory.saveState("http://dead.test:8080", given);
        memory.saveRobots("http://gone.test", new SavedRobots("http://gone.test/robots.txt", "4xx-allow", null, null,
                false, 5));
        memory.saveState("http://gone.test", CLOCK);
        db.close();

        HostStore reopened = open();
        assertThat(reopened.load(HOST)).contains(new SavedHost(CLOCK, ROBOTS));
        assertThat(reopened.load("http://dead.test:8080")).contains(new SavedHost(given, null));
        assertThat(reopened.load("http://gone.test").orElseThrow().robots().body()).isNull();
        assertThat(reopened.load("http://other.test")).isEmpty();
        assertThat(reopened.load("https://news.tes")).as("keys do not run into each other").isEmpty();
    }

    @Test
    void aNewClockRecordReplacesTheOldOneAndLeavesTheRobotsRecord() {
        HostStore memory = open();
        memory.saveRobots(HOST, ROBOTS);
        memory.saveState(HOST, CLOCK);
        SavedHostState later = new SavedHostState(RobotsState.READY, 0, 0, null, 1_700_000_009_000L, 1, 0, 0, 2000, "backoff",
                100, 18, 3);
        memory.saveState(HOST, later);
        db.close();
        assertThat(open().load(HOST)).contains(new SavedHost(later, ROBOTS));
    }

    @Test
    void savesCommitWithTheBatchAndAreLostWithIt() {
        HostStore memory = open();
        memory.saveRobots(HOST, ROBOTS);
        memory.saveState(HOST, CLOCK);
        assertThat(memory.load(HOST)).as("reads see the pending batch").isPresent();
        db.crash(); // kill -9 before the checkpoint
        assertThat(open().load(HOST)).isEmpty();
    }

    @Test
    void robotsWithoutAClockRecordCountAsNothingSaved() {
        HostStore memory = open();
        memory.saveRobots(HOST, ROBOTS);
        assertThat(memory.load(HOST)).isEmpty();
    }

    @Test
    void aStateFolderFromBeforeThePolitenessFamilyOpens() throws Exception {
        List<ColumnFamilyDescriptor> old = new ArrayList<>();
        for (String name : List.of("default", "queue", "inflight", "seen", "hosts", "meta")) {
            old.add(new ColumnFamilyDescriptor(name.getBytes(StandardCharsets.UTF_8)));
        }
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        try (DBOptions options = new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true);
             RocksDB raw = RocksDB.open(options, dir.toString(), old, handles)) {
            handles.forEach(ColumnFamilyHandle::close);
        }
        HostStore memory = open();
        assertThat(memory.load(HOST)).isEmpty();
        memory.saveState(HOST, CLOCK);
        db.close();
        assertThat(open().load(HOST)).contains(new SavedHost(CLOCK, null));
    }

    @Test
    void aGateOnRocksDbKeepsItsRulesAcrossACloseAndReopen() {
        FakeClock clock = new FakeClock();
        var config = TestConfigs.politeness(Duration.ofMillis(500), 1);
        PolitenessGate first = new PolitenessGate(config, Duration.ofSeconds(1), 1 << 16, clock, open());
        assertThat(first.check(HOST).kind()).isEqualTo(Decision.Kind.FETCH_ROBOTS);
        first.robotsStarted(HOST);
        FetchTask robots = new FetchTask(new CrawlUrl(HOST + "/robots.txt", HOST, 0, null, Via.SEED, 0, 0),
                FetchTask.Kind.ROBOTS);
        first.robotsDone(new FetchResult.Fetched(robots, Duration.ofMillis(5), Duration.ofMillis(5), 200,
                "text/plain", ROBOTS.body(), Instant.EPOCH, Validators.NONE));
        db.close();

        clock.advance(Duration.ofMinutes(1));
        PolitenessGate restarted = new PolitenessGate(config, Duration.ofSeconds(1), 1 << 16, clock, open());
        assertThat(restarted.check(HOST)).isEqualTo(new Decision(Decision.Kind.WAIT, clock.millis() + 500));
        clock.advanceMillis(500);
        assertThat(restarted.check(HOST).kind()).isEqualTo(Decision.Kind.READY);
        assertThat(restarted.allows(HOST, HOST + "/private/a")).isFalse();
        assertThat(restarted.describe(HOST).requests()).isEqualTo(1);
    }
}
