package io.herald.app;

import io.herald.config.CrawlConfig;
import io.herald.config.MonitorConfig;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Checks, before anything is created or moved, that the crawl can start where the config says: the monitor's
 * port is free, the output and state folders are folders (or can be made) on a writable file system with room
 * left, and the state folder holds a Herald state or nothing. Each failure is one {@link StartupFault} line.
 * The later steps still fail cleanly if the world changes in between; this only makes the usual mistakes clear.
 */
final class Preflight {
    private Preflight() {
    }

    static void check(CrawlConfig config) {
        folder("output.dir", config.output().dir());
        if (config.state().durable()) {
            folder("state.dir", config.state().dir());
            stateContent(config.state().dir());
        }
        if (config.monitor().enabled() && config.monitor().port() != 0) {
            port(config.monitor());
        }
        long minFree = config.output().minFreeDisk();
        freeSpace("output.dir", config.output().dir(), minFree);
        if (config.state().durable()) {
            freeSpace("state.dir", config.state().dir(), minFree);
        }
    }

    /** An existing folder must be writable; a missing one must be creatable under its nearest existing parent. */
    static void folder(String key, Path dir) {
        Path abs = dir.toAbsolutePath();
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            throw StartupFault.config(key + " " + dir + " is a file, not a folder: point " + key
                    + " at a folder, or move the file away");
        }
        Path existing = nearestExisting(abs);
        String what = existing.equals(abs) ? "" : " cannot be created: " + existing;
        if (!Files.isDirectory(existing)) {
            throw StartupFault.config(key + " " + dir + what + " is a file, not a folder: point " + key
                    + " at a folder that can be created");
        }
        if (!Files.isWritable(existing)) {
            String why = readOnly(existing) ? " is on a read-only file system" : " is not writable (permissions or an immutable flag)";
            throw StartupFault.config(key + " " + dir + what + why + ": point " + key
                    + " at a writable folder" + (readOnly(existing) ? " (or remount it read-write)" : " (or fix its permissions)"));
        }
    }

    /** A state folder with files but no RocksDB in it is someone else's folder; a store must not be made there. */
    static void stateContent(Path dir) {
        if (!Files.isDirectory(dir) || Files.exists(dir.resolve("CURRENT"))) {
            return;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            if (entries.findAny().isPresent()) {
                throw StartupFault.config("state.dir " + dir + " holds files that are not a Herald state: point"
                        + " state.dir at an empty or new folder");
            }
        } catch (IOException e) {
            throw StartupFault.config("state.dir " + dir + " cannot be read (" + e.getMessage() + "): point state.dir"
                    + " at a readable folder");
        }
    }

    /** Binds and releases the port, with the address reuse the monitor's server uses. */
    static void port(MonitorConfig monitor) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(monitor.host(), monitor.port()));
        } catch (IOException e) {
            throw portFault(monitor, e);
        }
    }

    /** The line for a monitor that cannot listen, from the preflight or from the server itself. */
    static StartupFault portFault(MonitorConfig monitor, Throwable e) {
        String why = String.valueOf(e.getMessage());
        if (e instanceof BindException && why.toLowerCase(Locale.ROOT).contains("in use")) {
            return new StartupFault(Main.EXIT_CONFIG, "monitor.port " + monitor.port() + " on " + monitor.host()
                    + " is in use: pick another or 0", e);
        }
        return new StartupFault(Main.EXIT_CONFIG, "monitor.host " + monitor.host() + " port " + monitor.port()
                + " cannot be bound (" + why + "): use an address of this machine (e.g. 127.0.0.1) and a free port, or 0", e);
    }

    /** A disk with less than {@code minFree} bytes free ({@code output.minFreeDisk}) counts as full. */
    static void freeSpace(String key, Path dir, long minFree) {
        Path existing = nearestExisting(dir.toAbsolutePath());
        try {
            FileStore store = Files.getFileStore(existing);
            long free = store.getUsableSpace();
            if (free < minFree) {
                throw new StartupFault(Main.EXIT_FATAL, key + " " + dir + " has " + free + " bytes free on "
                        + store + ": free some space (or point " + key + " at another disk), then run again", null);
            }
        } catch (IOException e) {
            // the folder checks passed; a file system that cannot say its free space is not a reason to refuse
        }
    }

    private static Path nearestExisting(Path abs) {
        Path p = abs;
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        return p == null ? abs.getRoot() : p;
    }

    private static boolean readOnly(Path existing) {
        try {
            return Files.getFileStore(existing).isReadOnly();
        } catch (IOException e) {
            return false;
        }
    }
}
