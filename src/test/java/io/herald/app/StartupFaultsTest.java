package io.herald.app;

import io.herald.testing.CrawlerProcess;
import io.herald.testing.TmpfsMount;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.herald.config.ConfigLoader;
import io.herald.config.CrawlConfig;
import io.herald.state.ConfigFingerprint;
import io.herald.state.StateDb;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Start-up faults as a user meets them, with the real process: one line on stderr naming the key, the value and what
 * to do, exit 2, no stack trace, and no output or state folder created on the way out.
 */
class StartupFaultsTest {
    @TempDir
    Path tmp;

    private TmpfsMount mount;

    @AfterEach
    void unmount() throws Exception {
        if (mount != null) {
            mount.close();
        }
    }

    @Test
    void aMonitorPortInUseIsOneLineAndExit2() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = taken.getLocalPort();
            Run run = crawl("monitor.port=" + port, "output.dir=" + tmp.resolve("out"), "state.dir=" + tmp.resolve("state"));
            run.assertOneLine(2, "herald: monitor.port " + port + " on 127.0.0.1 is in use: pick another or 0");
        }
        assertThat(tmp.resolve("out")).doesNotExist();
        assertThat(tmp.resolve("state")).doesNotExist();
    }

    @Test
    void aFileWhereTheOutputFolderShouldBeIsOneLineAndExit2() throws Exception {
        Path file = Files.writeString(tmp.resolve("out"), "not a folder");
        Run run = crawl("monitor.port=0", "output.dir=" + file, "state.dir=" + tmp.resolve("state"));
        run.assertOneLine(2, "herald: output.dir " + file + " is a file, not a folder: point output.dir at a folder,"
                + " or move the file away");
        assertThat(tmp.resolve("state")).doesNotExist();
        assertThat(Files.readString(file)).isEqualTo("not a folder");
    }

    @Test
    void aStateFolderOnAReadOnlyFileSystemIsOneLineAndExit2() throws Exception {
        mount = new TmpfsMount(tmp.resolve("ro"));
        String refused = mount.mount("size=1m,ro");
        Assumptions.assumeTrue(refused == null, () -> "skipped: " + refused);
        Path state = mount.dir().resolve("state");
        Run run = crawl("monitor.port=0", "output.dir=" + tmp.resolve("out"), "state.dir=" + state);
        run.assertOneLine(2, "herald: state.dir " + state + " cannot be created: " + mount.dir() + " is on a read-only"
                + " file system: point state.dir at a writable folder (or remount it read-write)");
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    @Test
    void theStateOfAnotherCrawlIsOneLineAndExit2() throws Exception {
        Path state = tmp.resolve("state");
        Path out = tmp.resolve("out");
        CrawlConfig other = ConfigLoader.load(Map.of("crawl.seeds", "http://127.0.0.2:9/", "output.dir", out.toString(),
                "state.dir", state.toString()));
        try (StateDb db = StateDb.open(state, 8L << 20)) {
            ConfigFingerprint.checkOrRecord(db, other);
        }
        Run run = crawl("monitor.port=0", "output.dir=" + out, "state.dir=" + state);
        run.assertOneLine(2, "herald: state.dir " + state + " belongs to a crawl with a different configuration:"
                + " crawl.seeds was [\"http://127.0.0.2:9/\"], now [\"http://127.0.0.1:9/\"]; scope.hosts was [\"127.0.0.2\"], now [\"127.0.0.1\"]. Run with --fresh to start"
                + " over (the old state and output are moved aside), or restore the old values to resume.");
        assertThat(out).doesNotExist();
    }

    @Test
    void aFullDiskIsOneLineAndExit1() throws Exception {
        mount = new TmpfsMount(tmp.resolve("full"));
        String refused = mount.mount("size=256k");
        Assumptions.assumeTrue(refused == null, () -> "skipped: " + refused);
        fill(mount.dir().resolve("filler"));
        Path out = mount.dir().resolve("out");
        Run run = crawl("monitor.port=0", "output.dir=" + out, "state.dir=" + tmp.resolve("state"));
        run.assertOneLine(1, "herald: output.dir " + out + " has 0 bytes free on " + mount.dir() + " (tmpfs): free some"
                + " space (or point output.dir at another disk), then run again");
        assertThat(out).doesNotExist();
        assertThat(tmp.resolve("state")).doesNotExist();
    }

    /** Writes zeros until the file system says it is full. */
    static void fill(Path file) throws IOException {
        byte[] block = new byte[4096];
        try (OutputStream o = Files.newOutputStream(file)) {
            while (true) {
                o.write(block);
            }
        } catch (IOException full) {
            assertThat(full).hasMessageContaining("No space left on device");
        }
    }

    private Run crawl(String... sets) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("crawl", "--set", "crawl.seeds=http://127.0.0.1:9/"));
        for (String set : sets) {
            args.add("--set");
            args.add(set);
        }
        Process p = new ProcessBuilder(CrawlerProcess.command(List.of(), args.toArray(String[]::new)))
                .redirectOutput(tmp.resolve("stdout.txt").toFile()).redirectError(tmp.resolve("stderr.txt").toFile())
                .start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("exited").isTrue();
        return new Run(p.exitValue(), Files.readString(tmp.resolve("stderr.txt"), StandardCharsets.UTF_8),
                Files.readString(tmp.resolve("stdout.txt"), StandardCharsets.UTF_8));
    }

    private record Run(int exit, String stderr, String stdout) {
        void assertOneLine(int code, String line) {
            assertThat(stderr.lines().toList()).as("stderr (stdout: %s)", stdout).containsExactly(line);
            assertThat(exit).isEqualTo(code);
            assertThat(stdout).as("no stack trace").doesNotContain("Exception", "\tat ");
        }
    }
}
