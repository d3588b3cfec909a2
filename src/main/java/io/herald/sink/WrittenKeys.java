package io.herald.sink;

/**
 * The keys of the articles a crawl has written (see {@link ArticleDeduper} for what a key is), and how far the
 * output was synced when they were last recorded. A key is <em>claimed</em> before its line is written (so two
 * pages of one article racing to the sink write it once), <em>recorded</em> after, and released when the write
 * failed. A durable implementation stores recorded keys only with the next mark, i.e. after their lines are
 * synced: it must never hold the key of a line that is not on the disk.
 *
 * <p>Implementations are called from the sink's event loop (claim, release) and its writer thread (recorded,
 * marked), so they must be thread-safe.
 */
public interface WrittenKeys {
    /** True the first time a key is claimed; false when its article was written (or is being written). */
    boolean claim(String key);

    /** The line of a claimed key is in the output. */
    void recorded(String key);

    /** The write of a claimed key failed: it may be claimed again. */
    void release(String key);

    /** Distinct keys claimed and not released. */
    long size();

    /**
     * Where the output stood at the last {@link #marked} call that is kept: every line before it has its key
     * recorded here. Null when nothing is kept between runs, so the whole output must be read at start.
     */
    OutputMark mark();

    /** The output was synced up to {@code mark}, and every line before it is recorded: store them now. */
    void marked(OutputMark mark);
}
