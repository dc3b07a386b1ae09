package dev.menagerie.server.impl.loading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.menagerie.api.metrics.MetricsRegistry;
import dev.menagerie.api.storage.LogEntry;
import dev.menagerie.api.storage.Storage;
import dev.menagerie.api.storage.StorageFactory;
import dev.menagerie.api.storage.StorageSettings;
import dev.menagerie.protocol.OpCode;
import dev.menagerie.protocol.jute.JuteException;
import dev.menagerie.protocol.txn.MultiTxn;
import dev.menagerie.protocol.txn.Txn;
import dev.menagerie.server.impl.tree.DataTree;
import dev.menagerie.server.impl.tree.TxnRecords;
import dev.menagerie.testing.Components;
import dev.menagerie.testing.RandomInputs;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.OptionalLong;
import java.util.zip.Adler32;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzz targets for the bodies inside well-formed files: a snapshot's data tree, sessions and ACL map, read by
 * {@link DataTree#readSnapshot} through the file storage exactly as {@link DatabaseLoader} loads it; and a logged
 * transaction (header, the record of its type, the digest), decoded by {@link LoggedTxn} as a log replay or a
 * committed proposal is, multi ops included. Only an IOException (a JuteException for a transaction) may come out;
 * a length field never allocates more than the bytes present or the record limit. Seeds under
 * {@code PersistedBodyFuzzTestInputs/}; see docs/fuzzing.md.
 */
class PersistedBodyFuzzTest {

    /** Apache's default jute.maxbuffer plus the 1024 bytes it allows snapshots and logs on top. */
    private static final int MAX_RECORD_BYTES = 0xfffff + 1024;
    /** Bytes written after each section of a snapshot input: the target replaces them with a valid seal. */
    private static final byte[] SEAL_MARK = "SEAL".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final int SNAPSHOT_MAGIC = 0x5a4b534e; // "ZKSN"

    @TempDir
    static Path dir;
    private static Storage storage;

    @AfterAll
    static void closeStorage() throws IOException {
        if (storage != null) {
            storage.close();
        }
    }

    /**
     * The input is the snapshot after its header: up to three sections (the body; the digest; the last zxid)
     * separated by {@code SEAL}, each of which the target follows with a seal whose checksum is right, so that the
     * reader gets past the framing.
     */
    @FuzzTest(maxDuration = "60s")
    void snapshotBody(byte[] input) throws IOException {
        byte[] file = sealedSnapshot(input);
        storage();
        Files.write(dir.resolve("snap/version-2/snapshot.1"), file);
        loadSnapshot();
        assertAllocationBounded(file.length, PersistedBodyFuzzTest::loadSnapshot);
    }

    /** The input is one log entry's transaction bytes (the log's checksum framing is StorageFilesFuzzTest's). */
    @FuzzTest(maxDuration = "60s")
    void loggedTxn(byte[] txnBytes) throws IOException {
        decodeTxn(txnBytes);
        assertAllocationBounded(txnBytes.length, () -> decodeTxn(txnBytes));
    }

    /** Loads {@code snapshot.1} as the server does; only an IOException may come out of the body's reader. */
    private static void loadSnapshot() throws IOException {
        RuntimeException[] unexpected = new RuntimeException[1];
        OptionalLong loaded;
        try {
            loaded = storage.loadNewestSnapshot(in -> {
                try {
                    DataTree.readSnapshot(in, true, MAX_RECORD_BYTES);
                } catch (RuntimeException e) {
                    unexpected[0] = e;
                    throw e;
                }
            });
        } catch (IOException refused) {
            loaded = OptionalLong.empty(); // "None of the snapshots could be loaded": start-up stops with the reason
        }
        if (unexpected[0] != null) {
            throw new AssertionError("a snapshot body made the reader throw " + unexpected[0], unexpected[0]);
        }
        if (loaded.isPresent()) {
            assertEquals(1, loaded.getAsLong());
        }
    }

    /** Decodes as a replay and as a committed proposal do; only a JuteException may come out. */
    private static void decodeTxn(byte[] txnBytes) {
        LoggedTxn txn;
        try {
            txn = LoggedTxn.decode(txnBytes, MAX_RECORD_BYTES);
        } catch (JuteException refused) {
            // the replay stops start-up with the reason; a committed proposal stops the server (fail-stop)
            assertRefusedAsCommitted(txnBytes);
            return;
        }
        assertNotNull(txn.header());
        assertNotNull(LoggedTxn.committed(entry(txnBytes), MAX_RECORD_BYTES));
        if (txn.header().type() == OpCode.MULTI && txn.txn() instanceof MultiTxn multi && multi.txns() != null) {
            for (Txn op : multi.txns()) {
                try {
                    assertNotNull(TxnRecords.decodeMultiOp(op.type(), op.data()));
                } catch (JuteException refused) {
                    // applying the multi fails, which stops the replay or the server
                }
            }
        }
    }

    /** The random phase of the default build: mutated seeds, bounded in count and time (docs/fuzzing.md). */
    @Test
    void randomInputs() {
        RandomInputs.forTarget(getClass(), "snapshotBody").run(this::snapshotBody);
        RandomInputs.forTarget(getClass(), "loggedTxn").run(this::loggedTxn);
    }

    private static void assertRefusedAsCommitted(byte[] txnBytes) {
        try {
            LoggedTxn.committed(entry(txnBytes), MAX_RECORD_BYTES);
            throw new AssertionError("decode refused the transaction, committed() accepted it");
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage().contains("does not decode"), expected.getMessage());
        }
    }

    private static LogEntry entry(byte[] txnBytes) {
        return new LogEntry(1, txnBytes);
    }

    /** Header, then each section followed by a seal over everything before it, as the storage writes them. */
    static byte[] sealedSnapshot(byte[] input) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(input.length + 64);
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(SNAPSHOT_MAGIC);
        out.writeInt(2);
        out.writeLong(-1);
        int start = 0;
        for (int section = 0; section < 3 && start <= input.length; section++) {
            int mark = section < 2 ? indexOf(input, SEAL_MARK, start) : -1;
            int end = mark < 0 ? input.length : mark;
            out.write(input, start, end - start);
            out.flush();
            Adler32 checksum = new Adler32();
            checksum.update(bytes.toByteArray());
            out.writeLong(checksum.getValue());
            out.writeInt(1);
            out.writeByte('/');
            start = mark < 0 ? input.length + 1 : mark + SEAL_MARK.length;
        }
        out.flush();
        return bytes.toByteArray();
    }

    private static int indexOf(byte[] input, byte[] what, int from) {
        for (int i = from; i + what.length <= input.length; i++) {
            if (Arrays.equals(input, i, i + what.length, what, 0, what.length)) {
                return i;
            }
        }
        return -1;
    }

    @FunctionalInterface
    private interface Reading {
        void run() throws IOException;
    }

    /**
     * What reading again may allocate (the first time loads classes): one buffer at the record limit, the loader's
     * stream buffers, and a fixed factor of the input (the tree it describes). A length field trusted beyond the
     * bytes present exceeds it.
     */
    private static void assertAllocationBounded(int inputBytes, Reading reading) throws IOException {
        long before = allocatedBytes();
        reading.run();
        long allocated = allocatedBytes() - before;
        long bound = 2L * MAX_RECORD_BYTES + 1024 * 1024 + 200L * inputBytes;
        assertTrue(allocated <= bound, "reading " + inputBytes + " bytes allocated " + allocated + " bytes");
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    private static Storage storage() throws IOException {
        if (storage == null) {
            StorageFactory files = Components.create(StorageFactory.class, StorageFactory.TYPE, "file",
                    Components.create(MetricsRegistry.class).service()).service();
            storage = files.open(new StorageSettings(Files.createDirectories(dir.resolve("snap")),
                    Files.createDirectories(dir.resolve("log")), 64 * 1024, false, 3, 0));
        }
        return storage;
    }
}
