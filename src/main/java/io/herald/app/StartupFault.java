package io.herald.app;

/**
 * The crawl cannot start here as configured: one line for the console that names the key, its value and what to
 * do, and the exit code ({@link Main#EXIT_CONFIG} when changing the config fixes it, else {@link Main#EXIT_FATAL}).
 */
final class StartupFault extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    StartupFault(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** A fault the config can fix (another folder, another port). */
    static StartupFault config(String message) {
        return new StartupFault(Main.EXIT_CONFIG, message, null);
    }

    int exitCode() {
        return exitCode;
    }
}
