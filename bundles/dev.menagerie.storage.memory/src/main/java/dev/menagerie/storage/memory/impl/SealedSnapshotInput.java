package dev.menagerie.storage.memory.impl;

import dev.menagerie.api.storage.SnapshotInput;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;

/** Reads back what {@link SealedSnapshotOutput} wrote, checking each seal against the bytes read before it. */
final class SealedSnapshotInput extends DataInputStream implements SnapshotInput {

    private final ByteArrayInputStream bytes;
    private final CheckedInputStream summed;

    SealedSnapshotInput(byte[] body) {
        this(new ByteArrayInputStream(body));
    }

    private SealedSnapshotInput(ByteArrayInputStream bytes) {
        this(bytes, new CheckedInputStream(bytes, new CRC32()));
    }

    private SealedSnapshotInput(ByteArrayInputStream bytes, CheckedInputStream summed) {
        super(summed);
        this.bytes = bytes;
        this.summed = summed;
    }

    @Override
    public void checkSeal() throws IOException {
        long expected = summed.getChecksum().getValue();
        long sealed = readLong();
        if (sealed != expected) {
            throw new IOException("seal mismatch in an in-memory snapshot: the body was read out of step with how"
                    + " it was written");
        }
    }

    @Override
    public boolean atEnd() {
        return bytes.available() == 0;
    }
}
