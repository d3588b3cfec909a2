/**
 * Configuration: YAML over the commented defaults, validated into one immutable record per stage.
 *
 * <p>{@link io.herald.config.ConfigLoader} is the one place configuration is read: the classpath
 * {@code herald-defaults.yaml} (the reference for every key), then the user's file, then {@code --set}
 * overrides are merged into a tree that remembers where each value came from; the tree is checked for unknown
 * keys and bound to records, and every problem is reported at once in a {@link io.herald.config.ConfigException}
 * naming the source, the dotted key and the bad value. Stages receive records, never the tree.
 */
package io.herald.config;
