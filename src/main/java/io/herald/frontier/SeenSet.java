package io.herald.frontier;

/** The normalised URLs the frontier has ever accepted in this crawl. */
public interface SeenSet {
    /** Adds the URL; true when it was not there before. */
    boolean add(String normalizedUrl);

    /** True when the URL was added before. */
    boolean contains(String normalizedUrl);

    long size();
}
