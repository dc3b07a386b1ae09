package dev.menagerie.storage.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.api.storage.SnapshotInput;
import dev.menagerie.api.storage.SnapshotOutput;
import dev.menagerie.api.storage.Storage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every storage engine's {@link Storage#readSnapshot} must do with a snapshot file that arrives as a stream
 * (the admin {@code restore} body): read back what its own {@link Storage#snapshot} wrote, seal by seal, and refuse
 * a damaged, cut, extended or foreign stream with an IOException, without touching what it stores. An engine's
 * test is a subclass that opens the storage and hands over the bytes of a snapshot it wrote.
 */
public abstract class SnapshotStreamContract {

    private static final long ZXID = 0x1_0000_002aL;

    @TempDir
    protected Path dir;

    /** A storage of the engine under test in {@code dir}. */
    protected abstract Storage open(Path dir) throws IOException;

    /** The file {@code storage} wrote for its snapshot {@code zxid}, as the admin {@code snapshot} would send it. */
    protected abstract byte[] snapshotFile(Storage storage, long zxid) throws IOException;

    /**
     * {@code file} with {@code extra} after its last seal, still in the engine's file format (a compressed file is
     * compressed again; what a compression format itself ignores after its end is the engine's business).
     */
    protected abstract byte[] withBytesAfterTheLastSeal(byte[] file, byte[] extra) throws IOException;

    /** A body shaped like a server's: a section and its seal, then a second section and its seal. */
    private static void writeBody(SnapshotOutput out) throws IOException {
        out.writeInt(3);
        out.writeUTF("tree");
        out.writeLong(42);
        out.writeSeal();
        out.writeLong(ZXID);
        out.writeSeal();
    }

    /** Reads what {@link #writeBody} wrote, asserting nothing, so that damage shows as the storage's IOException. */
    private static List<Object> readBody(SnapshotInput in) throws IOException {
        List<Object> seen = new ArrayList<>();
        seen.add(in.readInt());
        seen.add(in.readUTF());
        seen.add(in.readLong());
        in.checkSeal();
        seen.add(in.atEnd());
        seen.add(in.readLong());
        in.checkSeal();
        seen.add(in.atEnd());
        return seen;
    }

    private byte[] written() throws IOException {
        try (Storage storage = open(dir)) {
            storage.snapshot(ZXID, SnapshotStreamContract::writeBody);
            return snapshotFile(storage, ZXID);
        }
    }

    private List<Object> read(byte[] file) throws IOException {
        try (Storage storage = open(dir)) {
            List<List<Object>> seen = new ArrayList<>();
            storage.readSnapshot(new ByteArrayInputStream(file), in -> seen.add(readBody(in)));
            assertEquals(1, seen.size(), "the sink reads the body once");
            return seen.get(0);
        }
    }

    @Test
    void aSnapshotTheStorageWroteReadsBackFromAStream() throws Exception {
        assertEquals(List.of(3, "tree", 42L, false, ZXID, true), read(written()));
    }

    @Test
    void aFlippedByteIsRefused() throws Exception {
        byte[] file = written();
        file[file.length / 2] ^= 0x10;
        assertThrows(IOException.class, () -> read(file));
    }

    @Test
    void aStreamCutShortIsRefused() throws Exception {
        byte[] file = written();
        assertThrows(IOException.class, () -> read(Arrays.copyOf(file, file.length - 5)));
    }

    @Test
    void bytesAfterTheLastSealAreRefused() throws Exception {
        byte[] longer = withBytesAfterTheLastSeal(written(), new byte[] {7});
        IOException refused = assertThrows(IOException.class, () -> read(longer));
        assertTrue(refused.getMessage() != null && !refused.getMessage().isBlank(), "says why: " + refused);
    }

    @Test
    void somethingElseIsRefusedAndSaysWhy() throws Exception {
        IOException refused = assertThrows(IOException.class,
                () -> read("not a snapshot at all, but text".getBytes(StandardCharsets.US_ASCII)));
        assertTrue(refused.getMessage() != null && !refused.getMessage().isBlank(), "says why: " + refused);
        assertThrows(IOException.class, () -> read(new byte[0]), "nothing at all");
    }

    @Test
    void readingAStreamChangesNothingStored() throws Exception {
        byte[] file = written();
        read(file);
        try (Storage storage = open(dir)) {
            List<List<Object>> loaded = new ArrayList<>();
            assertEquals(OptionalLong.of(ZXID), storage.loadNewestSnapshot(in -> loaded.add(readBody(in))));
            assertEquals(List.of(List.of(3, "tree", 42L, false, ZXID, true)), loaded);
            assertEquals(Arrays.toString(file), Arrays.toString(snapshotFile(storage, ZXID)));
        }
    }
}
