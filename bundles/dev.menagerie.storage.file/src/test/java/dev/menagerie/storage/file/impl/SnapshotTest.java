package dev.menagerie.storage.file.impl;

import static dev.menagerie.storage.file.impl.TestStorage.logDir;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.api.storage.SnapshotInput;
import dev.menagerie.api.storage.SnapshotOutput;
import dev.menagerie.api.storage.StorageSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.zip.Adler32;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotTest {

    @TempDir
    Path dir;

    private Path snapDir() {
        return logDir(dir);
    }

    /** A body shaped like a server's: a section and its seal, then an optional section and its seal. */
    private static void writeBody(SnapshotOutput out, String marker) throws IOException {
        out.writeInt(2);
        out.writeUTF(marker);
        out.writeLong(42);
        out.writeSeal();
        out.writeLong(0x99);
        out.writeSeal();
    }

    /** Reads what {@link #writeBody} wrote into {@code seen}. */
    private static void readBody(SnapshotInput in, List<String> seen) throws IOException {
        assertEquals(2, in.readInt());
        String marker = in.readUTF();
        assertEquals(42, in.readLong());
        in.checkSeal();
        assertFalse(in.atEnd());
        assertEquals(0x99, in.readLong());
        in.checkSeal();
        assertTrue(in.atEnd());
        seen.add(marker);
    }

    private List<String> seen = new ArrayList<>();

    private OptionalLong load(FileStorage storage) throws IOException {
        seen = new ArrayList<>();
        return storage.loadNewestSnapshot(in -> readBody(in, seen));
    }

    @Test
    void roundTripWithApacheHeaderAndSeal() throws Exception {
        try (FileStorage storage = TestStorage.open(dir)) {
            storage.snapshot(0x2f, out -> writeBody(out, "first"));
            assertEquals(OptionalLong.of(0x2f), load(storage));
            assertEquals(List.of("first"), seen);
        }
        byte[] file = Files.readAllBytes(snapDir().resolve("snapshot.2f"));
        ByteBuffer in = ByteBuffer.wrap(file);
        assertEquals(0x5A4B534E, in.getInt(), "magic ZKSN");
        assertEquals(2, in.getInt());
        assertEquals(-1, in.getLong(), "dbid as Apache's FileSnap writes it");
        // The first seal's checksum covers everything before it, the header included.
        int firstSealAt = 16 + 4 + 2 + "first".length() + 8;
        Adler32 adler = new Adler32();
        adler.update(file, 0, firstSealAt);
        assertEquals(adler.getValue(), ByteBuffer.wrap(file, firstSealAt, 8).getLong());
        assertEquals(1, ByteBuffer.wrap(file, firstSealAt + 8, 4).getInt());
        assertEquals('/', file[firstSealAt + 12]);
    }

    @Test
    void fallsBackPastCorruptAndIncompleteSnapshots() throws Exception {
        try (FileStorage storage = TestStorage.open(dir)) {
            storage.snapshot(0x10, out -> writeBody(out, "a"));
            storage.snapshot(0x20, out -> writeBody(out, "b"));
            storage.snapshot(0x30, out -> writeBody(out, "c"));
            flipByte(snapDir().resolve("snapshot.30"), 22);
            assertEquals(OptionalLong.of(0x20), load(storage), "checksum mismatch skips snapshot.30");
            try (RandomAccessFile file = new RandomAccessFile(snapDir().resolve("snapshot.20").toFile(), "rw")) {
                file.setLength(file.length() - 7);
            }
            assertEquals(OptionalLong.of(0x10), load(storage), "incomplete snapshot.20 is skipped");
            assertEquals(List.of("a"), seen);
        }
    }

    @Test
    void sinkFailureFallsBackToAnOlderSnapshot() throws Exception {
        try (FileStorage storage = TestStorage.open(dir)) {
            storage.snapshot(1, out -> writeBody(out, "old"));
            storage.snapshot(2, out -> writeBody(out, "new"));
            List<String> loaded = new ArrayList<>();
            OptionalLong zxid = storage.loadNewestSnapshot(in -> {
                List<String> one = new ArrayList<>();
                readBody(in, one);
                if (one.get(0).equals("new")) {
                    throw new IOException("the server could not apply it");
                }
                loaded.addAll(one);
            });
            assertEquals(OptionalLong.of(1), zxid);
            assertEquals(List.of("old"), loaded);
        }
    }

    @Test
    void tempFilesAreIgnoredAndRemovedOnOpen() throws Exception {
        try (FileStorage storage = TestStorage.open(dir)) {
            storage.snapshot(0x30, out -> writeBody(out, "real"));
            Files.copy(snapDir().resolve("snapshot.30"), snapDir().resolve("snapshot.40.tmp"));
            assertEquals(OptionalLong.of(0x30), load(storage));
        }
        try (FileStorage storage = TestStorage.open(dir)) {
            assertFalse(Files.exists(snapDir().resolve("snapshot.40.tmp")));
            assertTrue(Files.exists(snapDir().resolve("snapshot.30")));
        }
    }

    @Test
    void failedSnapshotLeavesNoFile() throws Exception {
        try (FileStorage storage = TestStorage.open(dir)) {
            assertThrows(IOException.class, () -> storage.snapshot(5, out -> {
                out.writeInt(1);
                throw new IOException("the tree could not be walked");
            }));
            try (var files = Files.list(snapDir())) {
                assertEquals(List.of(), files.filter(p -> p.getFileName().toString().startsWith("snapshot"))
                        .toList());
            }
            assertEquals(OptionalLong.empty(), load(storage));
        }
    }

    @Test
    void gzipSnapshotsLoad() throws Exception {
        try (FileStorage storage = TestStorage.open(dir)) {
            storage.snapshot(0x10, out -> writeBody(out, "plain"));
            storage.snapshot(0x50, out -> writeBody(out, "zipped"));
            byte[] plain = Files.readAllBytes(snapDir().resolve("snapshot.50"));
            Files.delete(snapDir().resolve("snapshot.50"));
            try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(snapDir().resolve("snapshot.50.gz")))) {
                gz.write(plain);
            }
            assertEquals(OptionalLong.of(0x50), load(storage));
            assertEquals(List.of("zipped"), seen);
        }
    }

    @Test
    void snappySnapshotsAreWrittenAndLoadedAndABrokenOneIsSkipped() throws Exception {
        try (FileStorage storage = TestStorage.openCompressed(dir, StorageSettings.SNAPPY)) {
            storage.snapshot(0x10, out -> writeBody(out, "snappy"));
            assertTrue(Files.exists(snapDir().resolve("snapshot.10.snappy")));
            assertEquals(OptionalLong.of(0x10), load(storage));
            assertEquals(List.of("snappy"), seen);
            // The magic header, then a block that declares more bytes than it holds: skipped, the older one loads.
            byte[] broken = {(byte) 0x82, 'S', 'N', 'A', 'P', 'P', 'Y', 0, 0, 0, 0, 1};
            Files.write(snapDir().resolve("snapshot.60.snappy"), broken);
            assertEquals(OptionalLong.of(0x10), load(storage));
            Files.delete(snapDir().resolve("snapshot.10.snappy"));
            IOException e = assertThrows(IOException.class, () -> load(storage));
            assertTrue(e.getMessage().contains("could be loaded"), e.getMessage());
        }
    }

    @Test
    void noSnapshotButLogsIsVisibleToTheServer() throws Exception {
        try (FileStorage storage = TestStorage.open(dir)) {
            assertEquals(OptionalLong.empty(), load(storage));
            TestStorage.appendAll(storage, 1, 3);
            assertEquals(OptionalLong.empty(), load(storage));
            assertEquals(3, storage.lastLoggedZxid());
        }
    }

    @Test
    void wrongMagicIsSkipped() throws Exception {
        try (FileStorage storage = TestStorage.open(dir)) {
            storage.snapshot(1, out -> writeBody(out, "good"));
            storage.snapshot(2, out -> writeBody(out, "bad"));
            byte[] file = Files.readAllBytes(snapDir().resolve("snapshot.2"));
            file[0] = 'X';
            Files.write(snapDir().resolve("snapshot.2"), file);
            assertEquals(OptionalLong.of(1), load(storage));
        }
    }

    private static void flipByte(Path file, long offset) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(offset);
            int b = raf.read();
            raf.seek(offset);
            raf.write(b ^ 0x01);
        }
    }
}
