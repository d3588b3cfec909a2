package io.herald.sink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The output folder as a writer finds it when it opens: what a crash interrupted is finished
 * ({@link OutputFiles#cleanUp}), the newest plain file's unfinished last line is cut off (only the newest was being
 * written), and the plain files of earlier runs are listed, to be compressed when gzip is on.
 *
 * @param lastNumber the highest file number taken: new files go above it
 * @param plainFiles the uncompressed output files of earlier runs, oldest first
 */
record OutputFolder(int lastNumber, List<Path> plainFiles) {

    /**
     * @param numberAbove new files are numbered above this too (not only above the files in the folder), so that a
     *                    number whose file a downstream job has taken away is never used again
     * @throws UncheckedIOException if the folder cannot be created or read, or its newest file repaired
     */
    static OutputFolder open(Path dir, int numberAbove) {
        try {
            Files.createDirectories(dir);
            OutputFiles.cleanUp(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create output folder " + dir, e);
        }
        List<Path> existing = OutputFiles.list(dir);
        int lastNumber = numberAbove;
        if (!existing.isEmpty()) {
            Path newest = existing.get(existing.size() - 1);
            lastNumber = Math.max(numberAbove, OutputFiles.number(newest));
            if (!OutputFiles.isGzip(newest)) {
                TailScanner.cutTornTail(newest);
            }
        }
        List<Path> plain = new ArrayList<>();
        for (Path file : existing) {
            if (!OutputFiles.isGzip(file)) {
                plain.add(file);
            }
        }
        return new OutputFolder(lastNumber, List.copyOf(plain));
    }
}
