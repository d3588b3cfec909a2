package io.herald.state;

import io.herald.politeness.SavedHostState;
import io.herald.politeness.SavedRobots;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A host's saved politeness records as bytes, each a version byte then its fields in declaration order
 * (text and bytes length-prefixed, -1 for null). A new field means a new version byte.
 */
final class HostCodec {
    private static final int VERSION = 1;

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private HostCodec() {
    }

    static byte[] encode(SavedHostState c) {
        return bytes(64, out -> {
            out.writeByte(c.robots().ordinal());
            out.writeLong(c.robotsRetryAt());
            out.writeInt(c.robotsFailures());
            writeText(out, c.skipReason());
            out.writeLong(c.dueAt());
            out.writeInt(c.backoffLevel());
            out.writeInt(c.consecutiveFailures());
            out.writeInt(c.parks());
            out.writeLong(c.delayMillis());
            writeText(out, c.delayReason());
            out.writeDouble(c.serverMillis());
            out.writeLong(c.requests());
            out.writeLong(c.robotsBlocked());
        });
    }

    static SavedHostState decodeState(byte[] value) {
        try (DataInputStream in = open(value, "state")) {
            return new SavedHostState(SavedHostState.RobotsState.values()[in.readUnsignedByte()], in.readLong(),
                    in.readInt(), readText(in), in.readLong(), in.readInt(), in.readInt(), in.readInt(), in.readLong(),
                    readText(in), in.readDouble(), in.readLong(), in.readLong());
        } catch (IOException | RuntimeException e) {
            throw new StateException("saved host state cannot be read: " + e.getMessage());
        }
    }

    static byte[] encode(SavedRobots r) {
        byte[] body = r.body();
        return bytes(64 + (body == null ? 0 : body.length), out -> {
            writeText(out, r.url());
            writeText(out, r.source());
            writeBytes(out, body);
            writeText(out, r.contentType());
            out.writeBoolean(r.truncated());
            out.writeLong(r.fetchedAt());
        });
    }

    static SavedRobots decodeRobots(byte[] value) {
        try (DataInputStream in = open(value, "robots.txt")) {
            return new SavedRobots(readText(in), readText(in), readBytes(in), readText(in), in.readBoolean(),
                    in.readLong());
        } catch (IOException | RuntimeException e) {
            throw new StateException("saved robots.txt cannot be read: " + e.getMessage());
        }
    }

    private static byte[] bytes(int size, Writer fields) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(size);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            fields.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static DataInputStream open(byte[] value, String what) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(value));
        int version = in.readUnsignedByte();
        if (version != VERSION) {
            throw new StateException("saved host " + what + " in an unknown format (version " + version + ")");
        }
        return in;
    }

    private static void writeText(DataOutputStream out, String text) throws IOException {
        writeBytes(out, text == null ? null : text.getBytes(StandardCharsets.UTF_8));
    }

    private static String readText(DataInputStream in) throws IOException {
        byte[] utf8 = readBytes(in);
        return utf8 == null ? null : new String(utf8, StandardCharsets.UTF_8);
    }

    private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
        if (bytes == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        byte[] bytes = in.readNBytes(length);
        if (bytes.length != length) {
            throw new IOException("record ends early");
        }
        return bytes;
    }
}
