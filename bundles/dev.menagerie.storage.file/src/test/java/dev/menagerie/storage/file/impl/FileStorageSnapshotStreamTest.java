package dev.menagerie.storage.file.impl;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.menagerie.api.storage.Storage;
import dev.menagerie.api.storage.StorageSettings;
import dev.menagerie.storage.contract.SnapshotStreamContract;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The snapshot stream contract for the file storage, with Apache's uncompressed snapshots and with gz and snappy
 * ones.
 */
class FileStorageSnapshotStreamTest {

    /** The file storage writing snapshots compressed as {@code snapshot.compression.method} says. */
    private abstract static class FileEngine extends SnapshotStreamContract {

        private final SnapshotCompression compression;

        FileEngine(SnapshotCompression compression) {
            this.compression = compression;
        }

        @Override
        protected Storage open(Path dir) throws IOException {
            return TestStorage.openCompressed(dir, switch (compression) {
                case NONE -> StorageSettings.UNCOMPRESSED;
                case GZIP -> StorageSettings.GZIP;
                case SNAPPY -> StorageSettings.SNAPPY;
            });
        }

        @Override
        protected byte[] snapshotFile(Storage storage, long zxid) throws IOException {
            String name = "snapshot." + Long.toHexString(zxid) + compression.suffix();
            return Files.readAllBytes(TestStorage.logDir(dir).resolve(name));
        }

        @Override
        protected byte[] withBytesAfterTheLastSeal(byte[] file, byte[] extra) throws IOException {
            if (compression == SnapshotCompression.NONE) {
                return ByteBuffer.allocate(file.length + extra.length).put(file).put(extra).array();
            }
            ByteArrayOutputStream longer = new ByteArrayOutputStream();
            try (InputStream in = compression.decompress(new ByteArrayInputStream(file));
                    OutputStream out = compression.compress(longer)) {
                in.transferTo(out);
                out.write(extra);
                compression.finish(out);
            }
            return longer.toByteArray();
        }
    }

    @Nested
    class Uncompressed extends FileEngine {

        Uncompressed() {
            super(SnapshotCompression.NONE);
        }
    }

    @Nested
    class Gzip extends FileEngine {

        Gzip() {
            super(SnapshotCompression.GZIP);
        }
    }

    @Nested
    class Snappy extends FileEngine {

        Snappy() {
            super(SnapshotCompression.SNAPPY);
        }

        @Test
        void aBrokenSnappyStreamIsRefused() throws Exception {
            byte[] snappy = {(byte) 0x82, 'S', 'N', 'A', 'P', 'P', 'Y', 0, 1, 2, 3};
            try (Storage storage = open(dir)) {
                assertThrows(IOException.class,
                        () -> storage.readSnapshot(new ByteArrayInputStream(snappy), in -> { }));
            }
        }
    }
}
