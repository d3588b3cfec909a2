package io.herald.model;

/**
 * Where a fetch's response (or revisit) record is in the WARC output: the file's name in {@code output.dir} and the
 * byte offset in it where the record's gzip member starts, so a reader can seek there and read one record.
 */
public record WarcRef(String file, long offset) {
}
