package io.herald.sink;

import io.herald.util.LongHashSet;
import io.herald.util.UrlHash;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * The article keys (see {@link ArticleDeduper}, versions included) of the whole lines in an output folder, read
 * without changing it: what a node that died had written, for the node that takes its hosts over. Kept as 64-bit
 * hashes, as {@link InMemoryWrittenKeys} keeps them.
 */
public final class OutputKeys {
    private final LongHashSet hashes;

    private OutputKeys(LongHashSet hashes) {
        this.hashes = hashes;
    }

    /**
     * Reads every output file of {@code dir}, the rotated ({@code .gz}) ones too, ignoring a torn last line. Blocking.
     *
     * @throws NoSuchFileException when {@code dir} is not a folder here
     * @throws IOException         when a file cannot be read
     */
    public static OutputKeys read(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new NoSuchFileException(dir.toString());
        }
        Collector keys = new Collector();
        OutputReader.rememberWholeLines(OutputFiles.list(dir), new ArticleDeduper(keys, true));
        return new OutputKeys(keys.hashes);
    }

    /**
     * What the folder's output files are now (name, size, last change), to tell whether keys read earlier still
     * stand. Blocking; fails as {@link #read} does.
     */
    public static Set<String> stamp(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new NoSuchFileException(dir.toString());
        }
        Set<String> stamp = new HashSet<>();
        for (Path file : OutputFiles.list(dir)) {
            stamp.add(file.getFileName() + " " + Files.size(file) + " " + Files.getLastModifiedTime(file).toMillis());
        }
        return Set.copyOf(stamp);
    }

    public boolean contains(String key) {
        return hashes.contains(UrlHash.of(key));
    }

    /** Distinct keys read. */
    public int size() {
        return hashes.size();
    }

    /** Takes what the deduper remembers; with versions on it remembers a line's version key and text key. */
    private static final class Collector implements WrittenKeys {
        private final LongHashSet hashes = new LongHashSet();

        @Override
        public boolean claim(String key) {
            return hashes.add(UrlHash.of(key));
        }

        @Override
        public void recorded(String key) {
            // read only
        }

        @Override
        public void release(String key) {
            hashes.remove(UrlHash.of(key));
        }

        @Override
        public long size() {
            return hashes.size();
        }

        @Override
        public OutputMark mark() {
            return null;
        }

        @Override
        public void marked(OutputMark mark) {
            // read only
        }
    }
}
