package io.herald.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A size-limited or read-only tmpfs mounted for one test (needs root, as in CI). {@link #mount} says whether it
 * worked, so a test without the right can skip itself with a message; {@link #close} unmounts.
 */
public final class TmpfsMount implements AutoCloseable {
    private final Path dir;
    private boolean mounted;

    public TmpfsMount(Path dir) {
        this.dir = dir;
    }

    /** Mounts a tmpfs with {@code options} (e.g. {@code size=1m} or {@code size=1m,ro}); null if it worked, else why not. */
    public String mount(String options) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Process p = new ProcessBuilder(List.of("mount", "-t", "tmpfs", "-o", options, "tmpfs", dir.toString()))
                .redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes()).trim();
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
            return "mount -t tmpfs -o " + options + " refused (not root?): " + said;
        }
        mounted = true;
        return null;
    }

    /** Changes a mounted tmpfs's options in place, e.g. {@code ro} or {@code rw}; open files stay open. */
    public void remount(String options) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of("mount", "-o", "remount," + options, dir.toString()))
                .redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes()).trim();
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("mount -o remount," + options + " " + dir + " failed: " + said);
        }
    }

    public Path dir() {
        return dir;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (mounted) {
            Process p = new ProcessBuilder(List.of("umount", "-l", dir.toString())).redirectErrorStream(true).start();
            p.waitFor(10, TimeUnit.SECONDS);
            mounted = false;
        }
    }
}
