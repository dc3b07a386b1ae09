package dev.menagerie.quorum.impl.zab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.menagerie.api.storage.LogEntry;
import dev.menagerie.api.storage.Storage;
import dev.menagerie.api.storage.StorageFactory;
import dev.menagerie.api.storage.StorageSettings;
import dev.menagerie.testing.Components;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reading a leader's log for a learner's sync, on the memory engine. */
class SyncLogReaderTest {

    private static final int TXN_BYTES = 100;

    private Storage storage;

    @BeforeEach
    void open() throws Exception {
        storage = Components.create(StorageFactory.class, StorageFactory.TYPE, "memory").service()
                .open(new StorageSettings(Path.of("memory"), Path.of("memory"), 0, true, 3, 0));
    }

    @AfterEach
    void close() throws Exception {
        storage.close();
    }

    private void append(long epoch, int fromCounter, int toCounter) throws Exception {
        for (int counter = fromCounter; counter <= toCounter; counter++) {
            storage.append(new LogEntry(Zxids.of(epoch, counter), new byte[TXN_BYTES])).toCompletableFuture().get();
        }
    }

    @Test
    void readsFromTheLearnersZxidToTheEndOfTheLogAcrossEpochs() throws Exception {
        append(2, 1, 30);
        append(3, 1, 5);
        List<LoggedTxn> entries = SyncLogReader.read(storage, 7, Zxids.of(2, 10), TxnLogSizeLimit.UNLIMITED);
        assertEquals(26, entries.size());
        assertEquals(Zxids.of(2, 10), entries.get(0).zxid());
        assertEquals(Zxids.of(3, 5), entries.get(entries.size() - 1).zxid());
    }

    @Test
    void aLogLongerThanTheBudgetMeansASnapshot() throws Exception {
        append(2, 1, 30);
        assertNull(SyncLogReader.read(storage, 7, Zxids.of(2, 10), new TxnLogSizeLimit(20 * TXN_BYTES)),
                "21 entries of 100 bytes are over 2000");
        assertEquals(21, SyncLogReader.read(storage, 7, Zxids.of(2, 10), new TxnLogSizeLimit(21 * TXN_BYTES)).size());
    }

    @Test
    void aZxidNotInTheLogOrAHoleWithinAnEpochMeansASnapshot() throws Exception {
        append(2, 1, 10);
        append(2, 15, 20);
        assertNull(SyncLogReader.read(storage, 7, Zxids.of(2, 5), TxnLogSizeLimit.UNLIMITED), "2:11..2:14 missing");
        assertNull(SyncLogReader.read(storage, 7, Zxids.of(2, 12), TxnLogSizeLimit.UNLIMITED), "2:12 not logged");
        assertEquals(6, SyncLogReader.read(storage, 7, Zxids.of(2, 15), TxnLogSizeLimit.UNLIMITED).size());
    }
}
