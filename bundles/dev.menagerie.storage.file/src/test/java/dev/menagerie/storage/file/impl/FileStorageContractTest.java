package dev.menagerie.storage.file.impl;

import dev.menagerie.api.storage.Storage;
import dev.menagerie.api.storage.StorageSettings;
import dev.menagerie.storage.contract.StorageContract;
import java.io.IOException;
import org.junit.jupiter.api.Nested;

/** The storage contract for the file engine, writing uncompressed, gz and snappy snapshots. */
class FileStorageContractTest {

    /** The file engine as its factory opens it, with {@code snapshot.compression.method} set to a method. */
    private abstract static class FileEngine extends StorageContract {

        private final String compression;

        FileEngine(String compression) {
            this.compression = compression;
        }

        @Override
        protected StorageSettings settings() {
            StorageSettings plain = super.settings();
            return new StorageSettings(plain.dataDir(), plain.dataLogDir(), plain.preAllocSizeBytes(),
                    plain.forceSync(), plain.snapRetainCount(), plain.purgeIntervalHours(),
                    plain.fsyncWarningThresholdMs(), compression);
        }

        @Override
        protected Storage open(StorageSettings settings) throws IOException {
            return FileStorage.open(FileStorageConfig.from(settings), LogChannel.FILES, storage -> { },
                    TestStorage.unrecordedMetrics());
        }

        @Override
        protected boolean durable() {
            return true;
        }
    }

    @Nested
    class Uncompressed extends FileEngine {

        Uncompressed() {
            super(StorageSettings.UNCOMPRESSED);
        }
    }

    @Nested
    class Gzip extends FileEngine {

        Gzip() {
            super(StorageSettings.GZIP);
        }
    }

    @Nested
    class Snappy extends FileEngine {

        Snappy() {
            super(StorageSettings.SNAPPY);
        }
    }
}
