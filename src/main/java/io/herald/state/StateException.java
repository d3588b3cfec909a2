package io.herald.state;

/** The crawl state cannot be used: it cannot be opened, read or written, or belongs to another config. */
public final class StateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StateException(String message) {
        super(message);
    }
}
