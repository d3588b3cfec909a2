package io.herald.model;

import java.util.Objects;

/**
 * One host as {@code /status} shows it: its politeness state and the frontier's queue for it.
 *
 * @param politeness what the politeness gate knows of the host
 * @param queued     URLs of the host waiting in the frontier
 */
public record HostView(HostPoliteness politeness, long queued) {
    public HostView {
        Objects.requireNonNull(politeness, "politeness");
    }
}
