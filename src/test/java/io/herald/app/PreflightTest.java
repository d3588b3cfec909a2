package io.herald.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The free-space floor of {@code output.minFreeDisk}; the real full disk is in StartupFaultsTest (tmpfs). */
class PreflightTest {
    @TempDir
    Path dir;

    @Test
    void aDiskWithLessFreeThanTheFloorIsAFatalStartupFaultNamingTheKey() {
        assertThatThrownBy(() -> Preflight.freeSpace("output.dir", dir.resolve("out"), Long.MAX_VALUE))
                .isInstanceOf(StartupFault.class).hasMessageStartingWith("output.dir " + dir.resolve("out") + " has ")
                .hasMessageContaining("free some space")
                .satisfies(e -> assertThat(((StartupFault) e).exitCode()).isEqualTo(Main.EXIT_FATAL));
    }

    @Test
    void zeroTurnsTheCheckOff() {
        assertThatCode(() -> Preflight.freeSpace("state.dir", dir, 0)).doesNotThrowAnyException();
    }
}
