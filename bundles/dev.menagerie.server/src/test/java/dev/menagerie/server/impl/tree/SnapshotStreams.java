package dev.menagerie.server.impl.tree;

import dev.menagerie.api.storage.SnapshotInput;
import dev.menagerie.api.storage.SnapshotOutput;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.zip.Adler32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * Test adapters for the snapshot streams, built as the storage bundle builds them: an Adler32 over every byte
 * from the file header on, a seal being that checksum and the path "/".
 */
final class SnapshotStreams {
    static final int SNAPSHOT_MAGIC = 0x5A4B534E;

    private SnapshotStreams() {
    }

    /** A snapshot output over a byte array, the file header already written. */
    static final class Output extends DataOutputStream implements SnapshotOutput {
        private final ByteArrayOutputStream bytes;
        private final CheckedOutputStream checked;

        private Output(ByteArrayOutputStream bytes, CheckedOutputStream checked) {
            super(checked);
            this.bytes = bytes;
            this.checked = checked;
        }

        static Output withHeader() throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            Output out = new Output(bytes, new CheckedOutputStream(bytes, new Adler32()));
            out.writeInt(SNAPSHOT_MAGIC);
            out.writeInt(2);
            out.writeLong(0);
            return out;
        }

        @Override
        public void writeSeal() throws IOException {
            flush();
            writeLong(checked.getChecksum().getValue());
            writeInt(1);
            writeByte('/');
        }

        byte[] toByteArray() throws IOException {
            flush();
            return bytes.toByteArray();
        }
    }

    /** A snapshot input over a whole snapshot file's bytes, positioned after the header. */
    static final class Input extends DataInputStream implements SnapshotInput {
        private final CheckedInputStream checked;
        private final ByteArrayInputStream raw;

        private Input(ByteArrayInputStream raw, CheckedInputStream checked) {
            super(checked);
            this.raw = raw;
            this.checked = checked;
        }

        static Input afterHeader(byte[] file) throws IOException {
            ByteArrayInputStream raw = new ByteArrayInputStream(file);
            Input in = new Input(raw, new CheckedInputStream(raw, new Adler32()));
            if (in.readInt() != SNAPSHOT_MAGIC || in.readInt() != 2) {
                throw new IOException("not a snapshot");
            }
            in.readLong();
            return in;
        }

        @Override
        public void checkSeal() throws IOException {
            long expected = checked.getChecksum().getValue();
            long sealed = readLong();
            if (readInt() != 1 || readByte() != '/') {
                throw new IOException("malformed seal");
            }
            if (sealed != expected) {
                throw new IOException("checksum mismatch");
            }
        }

        @Override
        public boolean atEnd() {
            return raw.available() == 0;
        }
    }
}
