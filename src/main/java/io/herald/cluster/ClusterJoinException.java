package io.herald.cluster;

/** A node could not join its cluster: one line for the console, and the exit code (2: the config, 1: otherwise). */
public final class ClusterJoinException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final boolean configProblem;

    ClusterJoinException(boolean configProblem, String message, Throwable cause) {
        super(message, cause);
        this.configProblem = configProblem;
    }

    /** True when a change of this node's config (or of the cluster's) fixes it. */
    public boolean configProblem() {
        return configProblem;
    }
}
