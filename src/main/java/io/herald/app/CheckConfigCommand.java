package io.herald.app;

import io.herald.config.ConfigException;
import io.herald.config.ConfigLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code herald check-config FILE}: validates and prints the resolved configuration. */
@Command(name = "check-config", description = "Validate a config file and print the resolved configuration.")
final class CheckConfigCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "YAML config file")
    Path file;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override one key (repeatable)")
    Map<String, String> overrides = new LinkedHashMap<>();

    @Override
    public Integer call() {
        try {
            System.out.println(ConfigLoader.toJson(ConfigLoader.load(file, overrides)).encodePrettily());
            return 0;
        } catch (ConfigException e) {
            System.err.println("herald: config error: " + e.getMessage());
            return Main.EXIT_CONFIG;
        }
    }
}
