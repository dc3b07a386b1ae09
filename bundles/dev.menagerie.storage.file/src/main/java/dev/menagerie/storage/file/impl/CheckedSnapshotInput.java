package dev.menagerie.storage.file.impl;

import dev.menagerie.api.storage.SnapshotInput;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.zip.Adler32;
import java.util.zip.CheckedInputStream;

/**
 * Reads a snapshot while keeping the Adler32 of every byte consumed, the header included, so a seal can be checked
 * against it. Peeking for the end happens below the checksum, so it does not disturb it.
 */
final class CheckedSnapshotInput extends DataInputStream implements SnapshotInput {

    private final CheckedInputStream checked;
    private final BufferedInputStream buffered;

    private CheckedSnapshotInput(CheckedInputStream checked, BufferedInputStream buffered) {
        super(checked);
        this.checked = checked;
        this.buffered = buffered;
    }

    /** Wraps {@code file} and reads the header; a wrong magic or version is an IOException. */
    static CheckedSnapshotInput afterHeader(BufferedInputStream file, String name) throws IOException {
        CheckedSnapshotInput in = new CheckedSnapshotInput(new CheckedInputStream(file, new Adler32()), file);
        int magic = in.readInt();
        int version = in.readInt();
        in.readLong();
        if (magic != LogFormat.SNAPSHOT_MAGIC || version != LogFormat.VERSION) {
            throw new IOException(name + " is not a version 2 ZooKeeper snapshot (magic 0x"
                    + Integer.toHexString(magic) + ", version " + version + ")");
        }
        return in;
    }

    @Override
    public void checkSeal() throws IOException {
        long expected = checked.getChecksum().getValue();
        long sealed = readLong();
        int length = readInt();
        if (length != 1 || readByte() != '/') {
            throw new IOException("the seal after checksum 0x" + Long.toHexString(sealed) + " is malformed");
        }
        if (sealed != expected) {
            throw new IOException("checksum mismatch: the seal says 0x" + Long.toHexString(sealed)
                    + " but the content gives 0x" + Long.toHexString(expected));
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
