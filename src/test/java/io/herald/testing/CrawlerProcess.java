package io.herald.testing;

import io.herald.app.Main;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line that runs the real crawler in a child JVM, with the test's own class path. */
public final class CrawlerProcess {
    private CrawlerProcess() {
    }

    /** {@code java [jvmOptions] -cp … io.herald.app.Main args…} */
    public static List<String> command(List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath());
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        return command;
    }

    /** Starts {@code command} with its output and errors in {@code log}. */
    public static Process start(List<String> command, Path log) throws IOException {
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** The last 40 lines of a run's log, for a failure's message. */
    public static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /** Surefire runs tests from a manifest-only jar; it publishes the real class path in this property. */
    private static String classPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path").replace(' ', File.pathSeparatorChar);
    }
}
