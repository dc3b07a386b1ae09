package dev.menagerie.storage.memory.impl;

import dev.menagerie.api.storage.SnapshotOutput;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;

/**
 * A snapshot body written to a byte array. A seal is the CRC32 of everything before it, so a server that reads
 * its sections back out of step (reads more or less than it wrote) fails at the seal, as it would on disk.
 */
final class SealedSnapshotOutput extends DataOutputStream implements SnapshotOutput {

    private final ByteArrayOutputStream bytes;
    private final CheckedOutputStream summed;

    SealedSnapshotOutput() {
        this(new ByteArrayOutputStream());
    }

    private SealedSnapshotOutput(ByteArrayOutputStream bytes) {
        this(bytes, new CheckedOutputStream(bytes, new CRC32()));
    }

    private SealedSnapshotOutput(ByteArrayOutputStream bytes, CheckedOutputStream summed) {
        super(summed);
        this.bytes = bytes;
        this.summed = summed;
    }

    @Override
    public void writeSeal() throws IOException {
        writeLong(summed.getChecksum().getValue());
    }

    byte[] toByteArray() {
        return bytes.toByteArray();
    }
}
