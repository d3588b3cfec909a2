package io.herald.extract.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where a real page's files live when pages leave the JVM: {@code --dump-inputs} writes the bytes Herald's
 * extractor reads, for another extractor to run on, and {@code --texts} reads that extractor's texts back. Both
 * use {@link #path}: {@code ROOT/DATASET/NAME.EXT}, NAME the page id made safe for a file name.
 */
public final class RealPageFiles {
    static final String MANIFEST = "manifest.tsv";
    /** Characters kept as they are in a file name; every other byte of the id's UTF-8 is written %XX. */
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_.-]");
    private static final Pattern TSV_UNSAFE = Pattern.compile("[\t\r\n]");

    private RealPageFiles() {
    }

    /**
     * The id as one file name: letters, digits, {@code _ . -} kept, every other byte percent-encoded, so the
     * mapping is one to one (CleanEval's ids hold a {@code /}, which must not become a folder) and a name never
     * starts with a dot (no hidden file, no {@code .} or {@code ..}).
     */
    static String fileName(String id) {
        StringBuilder sb = new StringBuilder();
        byte[] bytes = id.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            char c = (char) (bytes[i] & 0xff);
            if (c < 0x80 && SAFE.matcher(String.valueOf(c)).matches() && !(i == 0 && c == '.')) {
                sb.append(c);
            } else {
                sb.append('%').append(String.format("%02X", bytes[i] & 0xff));
            }
        }
        return sb.toString();
    }

    /** {@code root/DATASET/NAME.EXT}; a set's name such as {@code chatnoir/cleaneval} is a folder and its subfolder. */
    static Path path(Path root, RealPage page, String extension) {
        Path dir = root;
        for (String part : page.dataset().split("/")) {
            dir = dir.resolve(fileName(part));
        }
        return dir.resolve(fileName(page.id()) + extension);
    }

    /**
     * Writes each page's {@link RealPage#bytes()} to {@code path(out, page, ".html")} and a {@code manifest.tsv}
     * (header, then dataset, id, url, path relative to {@code out}; one line a page, in the pages' order). A page
     * that cannot be read is left out of both and named in the answer; it does not stop the dump.
     */
    static List<String> dump(List<RealPage> pages, Path out) {
        List<String> skipped = new ArrayList<>();
        StringBuilder manifest = new StringBuilder("dataset\tid\turl\tpath\n");
        try {
            for (RealPage page : pages) {
                byte[] bytes;
                try {
                    bytes = page.bytes();
                } catch (IOException e) {
                    skipped.add(page.dataset() + "/" + page.id() + ": " + e);
                    continue;
                }
                Path file = path(out, page, ".html");
                Files.createDirectories(file.getParent());
                Files.write(file, bytes);
                manifest.append(String.join("\t", tsv(page.dataset()), tsv(page.id()), tsv(page.url()),
                        out.relativize(file).toString().replace('\\', '/'))).append('\n');
            }
            Files.writeString(out.resolve(MANIFEST), manifest.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return skipped;
    }

    /** A field cannot hold the separators; no set's ids or URLs do, but a space keeps the file readable if one did. */
    private static String tsv(String s) {
        return TSV_UNSAFE.matcher(s).replaceAll(" ");
    }
}
