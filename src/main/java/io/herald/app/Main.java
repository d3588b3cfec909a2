package io.herald.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code herald.jar}: {@code herald crawl|check-config|extract|demo-site}. */
@Command(name = "herald", mixinStandardHelpOptions = true, version = "herald 0.1.0",
        description = "A polite, reactive news crawler.",
        subcommands = {CrawlCommand.class, CheckConfigCommand.class, ExtractCommand.class, DemoSiteCommand.class})
public final class Main implements Runnable {
    /** Exit code for a configuration that cannot be used (the message names the key). */
    public static final int EXIT_CONFIG = 2;
    /** Exit code for any other fatal error. */
    public static final int EXIT_FATAL = 1;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }
}
