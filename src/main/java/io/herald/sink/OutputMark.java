package io.herald.sink;

/**
 * A place in the output: everything in the files numbered below {@code file}, and the first {@code offset}
 * bytes (uncompressed) of file {@code file}. The sink records one after each sync; on a restart only the output
 * after the last recorded mark has to be read again.
 */
public record OutputMark(int file, long offset) {
    public OutputMark {
        if (file < 0 || offset < 0) {
            throw new IllegalArgumentException("bad output mark " + file + "@" + offset);
        }
    }
}
