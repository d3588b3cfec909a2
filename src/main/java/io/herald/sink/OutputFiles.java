package io.herald.sink;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The names of output files and the one step that turns a closed {@code articles-N.jsonl} into
 * {@code articles-N.jsonl.gz}: compress to a temporary name, sync, rename atomically, then remove the plain
 * file. A crash at any point leaves either the plain file (compressed again next time), or both (the
 * {@code .gz} is complete because it was renamed only after its sync, so the plain one goes), never a
 * half-written {@code .gz} under its final name.
 */
final class OutputFiles {
    private static final Pattern NAME = Pattern.compile("articles-([0-9]{4,9})\\.jsonl(\\.gz)?");
    private static final String TMP = ".tmp";

    private OutputFiles() {
    }

    static Path plain(Path dir, int number) {
        return dir.resolve(String.format(Locale.ROOT, "articles-%04d.jsonl", number));
    }

    static boolean isGzip(Path file) {
        return file.getFileName().toString().endsWith(".gz");
    }

    static int number(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        return m.matches() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** Output files in {@code dir}, lowest number first; where both spellings of a number exist, the .gz. */
    static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            List<Path> files = entries.filter(p -> NAME.matcher(p.getFileName().toString()).matches())
                    .sorted((a, b) -> a.equals(b) ? 0 : number(a) != number(b)
                            ? Integer.compare(number(a), number(b)) : isGzip(a) ? -1 : 1)
                    .toList();
            List<Path> unique = new ArrayList<>();
            for (Path f : files) {
                if (unique.isEmpty() || number(unique.get(unique.size() - 1)) != number(f)) {
                    unique.add(f);
                }
            }
            return unique;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list output folder " + dir, e);
        }
    }

    /**
     * Finishes what a crash interrupted: removes temporary {@code .gz.tmp} files and plain files whose
     * {@code .gz} is already complete.
     */
    static void cleanUp(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path p : entries.toList()) {
                String name = p.getFileName().toString();
                if (name.startsWith("articles-") && name.endsWith(".jsonl.gz" + TMP)) {
                    Files.delete(p);
                } else if (NAME.matcher(name).matches() && !isGzip(p)
                        && Files.exists(p.resolveSibling(name + ".gz"))) {
                    Files.delete(p);
                }
            }
        }
    }

    /** Compresses a closed plain file; returns the {@code .gz} path. */
    static Path gzip(Path plain) throws IOException {
        Path gz = plain.resolveSibling(plain.getFileName() + ".gz");
        Path tmp = plain.resolveSibling(gz.getFileName() + TMP);
        try (InputStream in = Files.newInputStream(plain);
             OutputStream out = new GZIPOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
            in.transferTo(out);
        }
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Files.move(tmp, gz, StandardCopyOption.ATOMIC_MOVE);
        syncDir(plain.getParent());
        Files.delete(plain);
        return gz;
    }

    /** Forces a file's content to the disk. */
    static void force(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot sync " + file, e);
        }
    }

    /** Opens a file for reading, decompressing a {@code .gz}. */
    static InputStream open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        return isGzip(file) ? new GZIPInputStream(in, 1 << 16) : in;
    }

    // A rename is durable only once the folder entry is; Linux allows fsync on a directory opened read-only.
    static void syncDir(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException notSupported) {
            // some platforms cannot sync a folder; the rename is still atomic, only its durability is weaker
        }
    }
}
