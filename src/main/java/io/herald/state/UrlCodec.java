package io.herald.state;

import io.herald.model.CrawlUrl;
import io.herald.model.Via;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A queued {@link CrawlUrl} as bytes: a version byte, then url, referrer (or none), via, depth, attempt and
 * redirects. The host key is in the record's key, not repeated here. A new field means a new version byte.
 */
final class UrlCodec {
    private static final int VERSION = 1;

    private UrlCodec() {
    }

    static byte[] encode(CrawlUrl url) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + url.url().length() * 2);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            writeText(out, url.url());
            writeText(out, url.referrer());
            out.writeByte(url.via().ordinal());
            out.writeInt(url.depth());
            out.writeInt(url.attempt());
            out.writeInt(url.redirects());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static CrawlUrl decode(byte[] value, String hostKey) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(value))) {
            int version = in.readUnsignedByte();
            if (version != VERSION) {
                throw new StateException("queued URL in an unknown format (version " + version + ")");
            }
            String url = readText(in);
            String referrer = readText(in);
            Via via = Via.values()[in.readUnsignedByte()];
            return new CrawlUrl(url, hostKey, in.readInt(), referrer, via, in.readInt(), in.readInt());
        } catch (IOException e) {
            throw new StateException("queued URL cannot be read: " + e.getMessage());
        }
    }

    /** A string as its UTF-8 length and bytes, -1 for null (also used by {@link RocksRevisitStore}). */
    static void writeText(DataOutputStream out, String text) throws IOException {
        if (text == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    static String readText(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
