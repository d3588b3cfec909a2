package io.herald.monitor;

import io.herald.testing.TmpfsMount;
import io.vertx.ext.healthchecks.Status;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DiskCheckTest {
    private static final long MB = 1024 * 1024;
    @TempDir
    Path tmp;

    @Test
    void aWritableFolderWithSpaceIsUp() {
        Status status = new DiskCheck(Map.of("output.dir", tmp), 0).check();
        assertThat(status.isOk()).isTrue();
        assertThat(status.getData().getJsonObject("output.dir").getLong("freeBytes")).isPositive();
        try (var left = Files.list(tmp)) {
            assertThat(left).as("the probe is removed").isEmpty();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aMissingFolderIsNotWritable() {
        Status status = new DiskCheck(Map.of("state.dir", tmp.resolve("gone")), 0).check();
        assertThat(status.isOk()).isFalse();
        assertThat(status.getData().getString("reason")).startsWith("state.dir " + tmp.resolve("gone") + " is not writable");
    }

    @Test
    void freeSpaceBelowTheThresholdIsDownAndComesBackWhenFreed() throws Exception {
        try (TmpfsMount mount = new TmpfsMount(tmp.resolve("disk"))) {
            String refused = mount.mount("size=8m");
            Assumptions.assumeTrue(refused == null, () -> "skipped: " + refused);
            DiskCheck check = new DiskCheck(Map.of("output.dir", mount.dir()), 4 * MB);
            assertThat(check.check().isOk()).isTrue();
            Path filler = mount.dir().resolve("filler");
            Files.write(filler, new byte[(int) (5 * MB)]);
            Status low = check.check();
            assertThat(low.isOk()).isFalse();
            assertThat(low.getData().getString("reason")).contains("below monitor.minFreeDisk (4 MB)");
            Files.delete(filler);
            assertThat(check.check().isOk()).isTrue();
        }
    }

    @Test
    void aReadOnlyFolderIsDownEvenForRoot() throws Exception {
        try (TmpfsMount mount = new TmpfsMount(tmp.resolve("disk"))) {
            String refused = mount.mount("size=8m");
            Assumptions.assumeTrue(refused == null, () -> "skipped: " + refused);
            DiskCheck check = new DiskCheck(Map.of("output.dir", mount.dir()), 0);
            mount.remount("ro");
            assertThat(check.check().getData().getString("reason")).contains("is not writable", "Read-only file system");
            mount.remount("rw");
            assertThat(check.check().isOk()).isTrue();
        }
    }
}
