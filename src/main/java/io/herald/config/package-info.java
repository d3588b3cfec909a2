/** Configuration: YAML over the commented defaults, validated into one immutable record per stage. */
package io.herald.config;
