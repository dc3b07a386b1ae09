package dev.menagerie.storage.file.impl;

import static dev.menagerie.storage.file.impl.TestStorage.range;
import static dev.menagerie.storage.file.impl.TestStorage.readAll;
import static dev.menagerie.storage.file.impl.TestStorage.zxids;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.menagerie.api.storage.LogEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.server.Request;
import org.apache.zookeeper.server.persistence.FileTxnLog;
import org.apache.zookeeper.server.persistence.TxnLog;
import org.apache.zookeeper.server.persistence.Util;
import org.apache.zookeeper.txn.CreateTxn;
import org.apache.zookeeper.txn.TxnHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Transaction logs written by Apache ZooKeeper 3.9.5 read with ours, and the reverse. */
class ApacheLogCompatibilityTest {

    @TempDir
    Path dir;

    private static TxnHeader header(long zxid) {
        return new TxnHeader(0x1000L + zxid % 3, (int) zxid, zxid, 1_700_000_000_000L + zxid, ZooDefs.OpCode.create);
    }

    private static CreateTxn create(long zxid) {
        return new CreateTxn("/node-" + zxid, ("data " + zxid).getBytes(StandardCharsets.UTF_8),
                ZooDefs.Ids.OPEN_ACL_UNSAFE, false, (int) zxid);
    }

    /** The bytes the server logs: TxnHeader then the txn, jute-serialized (Apache's own marshalling). */
    private static byte[] txnBytes(long zxid) throws IOException {
        return Util.marshallTxnEntry(header(zxid), create(zxid), null);
    }

    @Test
    void apacheWrittenLogReadsWithOurs() throws Exception {
        Path versionDir = Files.createDirectories(dir.resolve("version-2"));
        FileTxnLog apache = new FileTxnLog(versionDir.toFile());
        try {
            for (long zxid = 1; zxid <= 30; zxid++) {
                apache.append(new Request(header(zxid), create(zxid), null));
                if (zxid % 7 == 0) {
                    apache.commit();
                }
                if (zxid == 15) {
                    apache.commit();
                    apache.rollLog();
                }
            }
            apache.commit();
        } finally {
            apache.close();
        }
        try (FileStorage storage = TestStorage.open(dir)) {
            assertEquals(30, storage.lastLoggedZxid());
            List<LogEntry> entries = readAll(storage, 1);
            assertEquals(range(1, 30), zxids(entries));
            for (LogEntry entry : entries) {
                assertArrayEquals(txnBytes(entry.zxid()), entry.txnBytes(), "txn bytes of " + entry.zxid());
            }
            assertEquals(range(20, 30), zxids(readAll(storage, 20)));
            assertEquals(List.of("log.1", "log.10"), TestStorage.logNames(dir));
        }
    }

    @Test
    void ourLogReadsWithApache() throws Exception {
        try (FileStorage storage = TestStorage.open(dir)) {
            for (long zxid = 1; zxid <= 30; zxid++) {
                storage.append(new LogEntry(zxid, txnBytes(zxid))).toCompletableFuture().get(10, TimeUnit.SECONDS);
                if (zxid == 12) {
                    storage.snapshot(12, out -> out.writeSeal());
                }
            }
        }
        FileTxnLog apache = new FileTxnLog(dir.resolve("version-2").toFile());
        assertEquals(30, apache.getLastLoggedZxid());
        List<Long> seen = new ArrayList<>();
        TxnLog.TxnIterator it = apache.read(1);
        try {
            while (it.getHeader() != null) {
                long zxid = it.getHeader().getZxid();
                seen.add(zxid);
                CreateTxn txn = assertInstanceOf(CreateTxn.class, it.getTxn());
                assertEquals("/node-" + zxid, txn.getPath());
                assertArrayEquals(("data " + zxid).getBytes(StandardCharsets.UTF_8), txn.getData());
                assertEquals(header(zxid).getClientId(), it.getHeader().getClientId());
                if (!it.next()) {
                    break;
                }
            }
        } finally {
            it.close();
            apache.close();
        }
        assertEquals(range(1, 30), seen);
    }
}
