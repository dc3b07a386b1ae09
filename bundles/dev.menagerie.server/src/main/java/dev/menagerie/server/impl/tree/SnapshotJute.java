package dev.menagerie.server.impl.tree;

import dev.menagerie.protocol.data.ACL;
import dev.menagerie.protocol.data.Id;
import dev.menagerie.protocol.data.StatPersisted;
import dev.menagerie.protocol.jute.JuteWriter;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Jute fields over the snapshot streams. Writing goes through a reusable {@link JuteWriter}, whose string
 * encoding matches Apache's byte for byte; reading checks every length against a limit before allocating, as
 * Apache's {@code BinaryInputArchive} does with {@code jute.maxbuffer}.
 */
final class SnapshotJute {
    /** Apache's default {@code jute.maxbuffer} (0xfffff) plus its default extra allowance of 1024 bytes. */
    static final int DEFAULT_MAX_BUFFER_BYTES = 0xfffff + 1024;

    private SnapshotJute() {
    }

    /** Copies what {@code writer} holds to {@code out}, then empties the writer. */
    static void drain(JuteWriter writer, DataOutput out) throws IOException {
        out.write(writer.view().array(), 0, writer.size());
        writer.reset();
    }

    static String readString(DataInput in, int maxBytes) throws IOException {
        int length = readLength(in, maxBytes, "string");
        if (length < 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static byte[] readBuffer(DataInput in, int maxBytes) throws IOException {
        int length = readLength(in, maxBytes, "buffer");
        if (length < 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }

    static ACL readAcl(DataInput in, int maxBytes) throws IOException {
        int perms = in.readInt();
        String scheme = readString(in, maxBytes);
        String id = readString(in, maxBytes);
        return new ACL(perms, new Id(scheme, id));
    }

    static StatPersisted readStatPersisted(DataInput in) throws IOException {
        return new StatPersisted(in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readInt(),
                in.readInt(), in.readInt(), in.readLong(), in.readLong());
    }

    private static int readLength(DataInput in, int maxBytes, String what) throws IOException {
        int length = in.readInt();
        if (length == -1) {
            return -1;
        }
        if (length < 0 || length > maxBytes) {
            throw new IOException("snapshot " + what + " length " + length + " is out of range (limit "
                    + maxBytes + " bytes)");
        }
        return length;
    }
}
