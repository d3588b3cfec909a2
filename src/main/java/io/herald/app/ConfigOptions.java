package io.herald.app;

import io.herald.config.ConfigLoader;
import io.herald.config.CrawlConfig;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code -c FILE} and {@code --set key=value} options shared by the commands that read a config. */
final class ConfigOptions {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "YAML config file (over the defaults)")
    Path file;

    @Option(names = "--set", paramLabel = "KEY=VALUE", mapFallbackValue = "",
            description = "Override one key, e.g. --set politeness.delay=2s (repeatable)")
    Map<String, String> overrides = new LinkedHashMap<>();

    CrawlConfig load() {
        return file == null ? ConfigLoader.load(overrides) : ConfigLoader.load(file, overrides);
    }
}
