package dev.menagerie.storage.file.impl;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.menagerie.api.storage.LogEntry;
import dev.menagerie.testing.RandomInputs;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzz targets for the files this bundle reads back after a crash or from Apache: a transaction log and a
 * snapshot's framing (header, gzip, tail test, seal), corrupt or cut short anywhere. Reading either stops with a
 * reason or an IOException, never anything else; it ends after a number of steps bounded by the file size; and no
 * entry is larger than the file it came from. Seeds under {@code StorageFilesFuzzTestInputs/}; see docs/fuzzing.md.
 */
class StorageFilesFuzzTest {

    @TempDir
    static Path dir;

    /** The random phase of the default build: mutated seeds, bounded in count and time (docs/fuzzing.md). */
    @Test
    void randomInputs() {
        RandomInputs.forTarget(getClass(), "txnLog").run(this::txnLog);
        RandomInputs.forTarget(getClass(), "snapshot").run(this::snapshot);
    }

    @FuzzTest(maxDuration = "60s")
    void txnLog(byte[] content) throws IOException {
        ZxidFile file = new ZxidFile(1, Files.write(dir.resolve(StorageFiles.logName(1)), content));
        LogFileReader reader;
        try {
            reader = LogFileReader.open(file);
        } catch (IOException refused) {
            return; // too short for a header, or not a version 2 log: reported by recovery
        }
        try (reader) {
            // Every entry takes at least its overhead, so a reader that goes on longer is looping.
            long maxEntries = content.length / LogFormat.ENTRY_OVERHEAD_BYTES + 1;
            long entries = 0;
            for (LogEntry entry = reader.next(); entry != null; entry = reader.next()) {
                assertTrue(entry.txnBytes().length <= content.length, "entry of " + entry.txnBytes().length
                        + " bytes in a file of " + content.length);
                assertTrue(++entries <= maxEntries, "more entries than the file can hold");
            }
            assertNotEquals(LogFileReader.Stop.NONE, reader.stop());
            assertTrue(reader.goodOffset() <= content.length, "good offset " + reader.goodOffset());
        }
    }

    /** The first byte says whether the rest is a {@code .gz} snapshot; the rest is the file. */
    @FuzzTest(maxDuration = "60s")
    void snapshot(byte[] input) throws IOException {
        if (input.length == 0) {
            return;
        }
        boolean gzip = (input[0] & 1) == 1;
        String name = StorageFiles.snapshotName(1) + (gzip ? StorageFiles.GZIP_SUFFIX : "");
        ZxidFile file = new ZxidFile(1, Files.write(dir.resolve(name), Arrays.copyOfRange(input, 1, input.length)));
        if (!SnapshotTail.looksComplete(file)) {
            return; // skipped by the loader with a warning
        }
        try (InputStream raw = Files.newInputStream(file.path());
             CheckedSnapshotInput in = CheckedSnapshotInput.afterHeader(
                     new BufferedInputStream(gzip ? new GZIPInputStream(raw) : raw), name)) {
            // The body of an empty database is the server's business; here only the framing around it is read.
            in.checkSeal();
        } catch (IOException refused) {
            // the loader skips this snapshot with a warning and tries an older one
        }
    }
}
