package io.herald.model;

/**
 * A fault that stops the crawl: the folder a stage could no longer write, named by its config key. Published on
 * {@link Addresses#CRAWL_FAULT}; the crawl then stops cleanly and can be resumed once the cause is gone.
 *
 * @param key       the config key of the folder, e.g. {@code output.dir}
 * @param value     the folder as configured (null when the stage does not know it; the app fills it in)
 * @param error     what the OS or the store said
 * @param diskFull  true when the file system is out of space (or over quota)
 */
public record Fault(String key, String value, String error, boolean diskFull) {

    /** The reason for /health, the log and summary.json. */
    public String reason() {
        return key + (value == null ? "" : " " + value) + (diskFull ? " is full (" : " cannot be written (") + error + ")";
    }

    /** The one line for the console: what happened and what to do. */
    public String line() {
        return "stopped: " + reason() + (diskFull ? ": free some space" : ": fix the cause")
                + ", then run the same command to resume (nothing is lost)";
    }
}
