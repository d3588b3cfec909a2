package io.herald.monitor;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.Status;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Whether the crawl's folders (output, state) can still be written: a probe file is created and deleted in each
 * (a permission or read-only check would pass for root on a read-only mount), and the disk under each has at least
 * {@code minFreeBytes} free. Blocking: run it off the event loop.
 */
public final class DiskCheck {
    private static final long MB = 1024 * 1024;
    private final Map<String, Path> folders;
    private final long minFreeBytes;

    /** @param folders by config key, e.g. {@code output.dir} */
    public DiskCheck(Map<String, Path> folders, long minFreeBytes) {
        this.folders = folders;
        this.minFreeBytes = minFreeBytes;
    }

    public Status check() {
        JsonObject data = new JsonObject();
        String problem = null;
        for (Map.Entry<String, Path> folder : folders.entrySet()) {
            String found = check(folder.getKey(), folder.getValue(), data);
            problem = problem == null ? found : problem;
        }
        return problem == null ? Status.OK(data) : Status.KO(data.put("reason", problem));
    }

    /** Records the folder's free space under its key; returns what is wrong with it, or null. */
    private String check(String key, Path dir, JsonObject data) {
        try {
            Files.delete(Files.createTempFile(dir, ".health-", ".probe"));
            long free = Files.getFileStore(dir).getUsableSpace();
            data.put(key, new JsonObject().put("path", dir.toString()).put("freeBytes", free));
            if (free < minFreeBytes) {
                return key + " " + dir + ": " + free / MB + " MB free, below monitor.minFreeDisk ("
                        + minFreeBytes / MB + " MB)";
            }
            return null;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            data.put(key, new JsonObject().put("path", dir.toString()).put("error", e.toString()));
            return key + " " + dir + " is not writable: " + e;
        }
    }
}
