package dev.menagerie.storage.file.impl;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.api.storage.Storage;
import dev.menagerie.storage.contract.SnapshotStreamContract;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The snapshot stream contract for the file storage, with Apache's uncompressed snapshots and with gz ones. */
class FileStorageSnapshotStreamTest {

    /** The file storage writing uncompressed or gz snapshots. */
    private abstract static class FileEngine extends SnapshotStreamContract {

        private final boolean gzip;

        FileEngine(boolean gzip) {
            this.gzip = gzip;
        }

        @Override
        protected Storage open(Path dir) throws IOException {
            return gzip ? TestStorage.openGzip(dir) : TestStorage.open(dir);
        }

        @Override
        protected byte[] snapshotFile(Storage storage, long zxid) throws IOException {
            String name = "snapshot." + Long.toHexString(zxid) + (gzip ? StorageFiles.GZIP_SUFFIX : "");
            return Files.readAllBytes(TestStorage.logDir(dir).resolve(name));
        }

        @Override
        protected byte[] withBytesAfterTheLastSeal(byte[] file, byte[] extra) throws IOException {
            if (!gzip) {
                return ByteBuffer.allocate(file.length + extra.length).put(file).put(extra).array();
            }
            ByteArrayOutputStream longer = new ByteArrayOutputStream();
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(file));
                    GZIPOutputStream out = new GZIPOutputStream(longer)) {
                in.transferTo(out);
                out.write(extra);
            }
            return longer.toByteArray();
        }
    }

    @Nested
    class Uncompressed extends FileEngine {

        Uncompressed() {
            super(false);
        }

        @Test
        void aSnappyStreamIsRefusedWithTheReason() throws Exception {
            byte[] snappy = {(byte) 0x82, 'S', 'N', 'A', 'P', 'P', 'Y', 0, 1, 2, 3};
            try (Storage storage = open(dir)) {
                IOException refused = assertThrows(IOException.class,
                        () -> storage.readSnapshot(new ByteArrayInputStream(snappy), in -> { }));
                assertTrue(refused.getMessage().contains("snappy"), refused.getMessage());
            }
        }
    }

    @Nested
    class Gzip extends FileEngine {

        Gzip() {
            super(true);
        }
    }
}
