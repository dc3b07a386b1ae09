package dev.menagerie.server.impl.loading;

import dev.menagerie.api.storage.SnapshotInput;
import dev.menagerie.server.impl.tree.DataTree;
import dev.menagerie.server.impl.tree.LoadedSnapshot;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.zip.Adler32;
import java.util.zip.CheckedInputStream;
import java.util.zip.GZIPInputStream;

/**
 * A whole snapshot file arriving as a stream (the admin {@code restore} body), read as Apache's
 * {@code ZKDatabase.deserializeSnapshot(InputArchive, CheckedInputStream)} reads it: the file header, the body and
 * each seal checked against the Adler32 of everything before it. The file has no name here, so the zxid is the
 * lastProcessedZxid section that 3.9 snapshots end with (0 when absent, as in Apache). Besides Apache's
 * uncompressed form, a {@code .gz} file (snapshot.compression.method=gz) is recognised by its magic and read too;
 * a snappy one is refused with the reason.
 */
public final class StreamedSnapshot {

    /** "ZKSN", Apache's FileSnap.SNAP_MAGIC. */
    static final int SNAPSHOT_MAGIC = 0x5A4B534E;
    static final int SNAPSHOT_VERSION = 2;
    private static final byte[] GZIP_MAGIC = {0x1f, (byte) 0x8b};
    private static final byte[] SNAPPY_MAGIC = {(byte) 0x82, 'S', 'N', 'A', 'P', 'P', 'Y', 0};
    private static final int BUFFER_BYTES = 64 * 1024;

    private StreamedSnapshot() {
    }

    /**
     * Reads the whole snapshot into a new tree; nothing else is touched, so a failure leaves no trace.
     *
     * @throws IOException when the stream is not a complete, intact version 2 snapshot
     */
    public static LoadedSnapshot read(InputStream stream, boolean extendedTypesEnabled, int maxRecordBytes)
            throws IOException {
        BufferedInputStream raw = new BufferedInputStream(stream, BUFFER_BYTES);
        BufferedInputStream plain = startsWith(raw, GZIP_MAGIC)
                ? new BufferedInputStream(new GZIPInputStream(raw, BUFFER_BYTES), BUFFER_BYTES) : raw;
        if (startsWith(raw, SNAPPY_MAGIC)) {
            throw new IOException("the snapshot is snappy-compressed, which Menagerie cannot read; send an"
                    + " uncompressed or gz snapshot");
        }
        SealedInput in = new SealedInput(plain);
        int magic = in.readInt();
        int version = in.readInt();
        in.readLong();
        if (magic != SNAPSHOT_MAGIC || version != SNAPSHOT_VERSION) {
            throw new IOException("the stream is not a version 2 ZooKeeper snapshot (magic 0x"
                    + Integer.toHexString(magic) + ", version " + version + ")");
        }
        LoadedSnapshot loaded = DataTree.readSnapshot(in, extendedTypesEnabled, maxRecordBytes);
        if (!in.atEnd()) {
            throw new IOException("the stream goes on after the snapshot's last seal");
        }
        return loaded;
    }

    private static boolean startsWith(BufferedInputStream in, byte[] magic) throws IOException {
        in.mark(magic.length);
        byte[] head = in.readNBytes(magic.length);
        in.reset();
        return Arrays.equals(head, magic);
    }

    /** Checksums what is consumed; peeking for the end happens on the buffer below, outside the checksum. */
    private static final class SealedInput extends DataInputStream implements SnapshotInput {

        private final CheckedInputStream checked;
        private final BufferedInputStream buffered;

        SealedInput(BufferedInputStream buffered) {
            this(new CheckedInputStream(buffered, new Adler32()), buffered);
        }

        private SealedInput(CheckedInputStream checked, BufferedInputStream buffered) {
            super(checked);
            this.checked = checked;
            this.buffered = buffered;
        }

        @Override
        public void checkSeal() throws IOException {
            long computed = checked.getChecksum().getValue();
            long written = readLong();
            // A seal ends with the jute string "/": its length 1, then the character.
            if (readInt() != 1 || readByte() != '/') {
                throw new IOException("a seal of the snapshot is malformed");
            }
            if (written != computed) {
                throw new IOException("the snapshot is damaged: a seal says Adler32 0x" + Long.toHexString(written)
                        + " but the bytes before it give 0x" + Long.toHexString(computed));
            }
        }

        @Override
        public boolean atEnd() throws IOException {
            buffered.mark(1);
            int next = buffered.read();
            buffered.reset();
            return next < 0;
        }
    }
}
