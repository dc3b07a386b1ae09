package dev.menagerie.storage.file.impl;

import dev.menagerie.api.storage.SnapshotOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.Adler32;
import java.util.zip.CheckedOutputStream;

/**
 * A snapshot stream that keeps an Adler32 over every byte written, the file header included, as Apache's
 * CheckedOutputStream does; a seal writes that checksum and then the jute string "/".
 */
final class CheckedSnapshotOutput extends DataOutputStream implements SnapshotOutput {

    private final CheckedOutputStream checked;

    private CheckedSnapshotOutput(CheckedOutputStream checked) {
        super(checked);
        this.checked = checked;
    }

    /** Wraps {@code file} (which should buffer) and writes the snapshot file header. */
    static CheckedSnapshotOutput withHeader(OutputStream file) throws IOException {
        CheckedSnapshotOutput out = new CheckedSnapshotOutput(new CheckedOutputStream(file, new Adler32()));
        out.writeInt(LogFormat.SNAPSHOT_MAGIC);
        out.writeInt(LogFormat.VERSION);
        out.writeLong(LogFormat.SNAPSHOT_DBID);
        return out;
    }

    @Override
    public void writeSeal() throws IOException {
        writeLong(checked.getChecksum().getValue());
        writeInt(1);
        writeByte('/');
    }
}
