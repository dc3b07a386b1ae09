package dev.menagerie.storage.file.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Scanner;
import java.util.stream.Stream;
import org.apache.jute.BinaryOutputArchive;
import org.apache.jute.Record;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooDefs.OpCode;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;
import org.apache.zookeeper.server.Request;
import org.apache.zookeeper.server.persistence.FileTxnLog;
import org.apache.zookeeper.server.persistence.TxnLogToolkit;
import org.apache.zookeeper.txn.CheckVersionTxn;
import org.apache.zookeeper.txn.CloseSessionTxn;
import org.apache.zookeeper.txn.CreateContainerTxn;
import org.apache.zookeeper.txn.CreateSessionTxn;
import org.apache.zookeeper.txn.CreateTTLTxn;
import org.apache.zookeeper.txn.CreateTxn;
import org.apache.zookeeper.txn.DeleteTxn;
import org.apache.zookeeper.txn.ErrorTxn;
import org.apache.zookeeper.txn.MultiTxn;
import org.apache.zookeeper.txn.SetACLTxn;
import org.apache.zookeeper.txn.SetDataTxn;
import org.apache.zookeeper.txn.Txn;
import org.apache.zookeeper.txn.TxnDigest;
import org.apache.zookeeper.txn.TxnHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code zkTxnLogToolkit.sh} prints and writes what Apache ZooKeeper 3.9.5's {@code TxnLogToolkit} prints and
 * writes for the same log file, written by Apache's own {@code FileTxnLog} with every kind of transaction: the dump
 * line for line, a damaged CRC reported, recovered with {@code -r -y} and interactively into the same bytes, and a
 * log chopped at a zxid.
 */
class TxnLogToolkitTest {

    private static final long SESSION = 0x1000_0000_00abL;
    private static final List<ACL> OPEN = ZooDefs.Ids.OPEN_ACL_UNSAFE;
    private static final List<ACL> TWO_ACLS = List.of(new ACL(ZooDefs.Perms.ALL, new Id("digest", "u:hash,}%")),
            new ACL(ZooDefs.Perms.READ, new Id("ip", "10.0.0.0/8")));
    private static final int TXNS = 14;

    @TempDir
    Path dir;

    @Test
    void theDumpMatchesApachesLineForLine() throws Exception {
        Path log = apacheLog(dir.resolve("a"));
        String expected = apacheDump(log);
        for (String operation : List.of(" createSession ", " create /app,", " create2 ", " setData ", " setACL ",
                " createContainer ", " createTTL ", " multi create:", " delete ", " error ", " closeSession v{",
                " reconfig ", " deleteContainer ", "EOF reached after " + TXNS + " txns.")) {
            assertTrue(expected.contains(operation), operation + " in\n" + expected);
        }
        assertEquals(expected, ours(log.toString()));
        assertEquals(expected, ours("--dump", log.toString()));
    }

    @Test
    void aDamagedCrcIsReportedAsApacheReportsIt() throws Exception {
        Path log = damage(apacheLog(dir.resolve("a")), 3);
        String expected = apacheDump(log);
        assertTrue(expected.contains("CRC ERROR - "), expected);
        assertEquals(expected, ours(log.toString()));
    }

    @Test
    void recoveryWithYesWritesApachesFixedFileByteForByte() throws Exception {
        Path ourLog = damage(apacheLog(dir.resolve("ours")), 3);
        Path apacheLog = damage(apacheLog(dir.resolve("apache")), 3);
        String expected = ApacheSnapshots.apache(() -> {
            try (TxnLogToolkit apache = new TxnLogToolkit(true, true, apacheLog.toString(), true)) {
                apache.dump(new Scanner(""));
            }
        });

        String output = ours("-r", "-y", "-v", ourLog.toString());

        Path fixed = Path.of(ourLog + ".fixed");
        assertEquals(expected + "Recovery file " + fixed + " has been written with 1 fixed CRC error(s)\n", output);
        assertTrue(expected.contains("CRC FIXED - "), expected);
        assertEquals(-1, Files.mismatch(fixed, Path.of(apacheLog + ".fixed")), "the .fixed files differ");
        assertFalse(ours(fixed.toString()).contains("CRC ERROR"), "the fixed log has no damaged entry left");
    }

    @Test
    void interactiveRecoveryAsksAsApacheDoes() throws Exception {
        Path ourLog = damage(damage(apacheLog(dir.resolve("ours")), 2), 5);
        Path apacheLog = damage(damage(apacheLog(dir.resolve("apache")), 2), 5);
        String answers = "maybe\nno\nYes\n";
        String expected = ApacheSnapshots.apache(() -> {
            try (TxnLogToolkit apache = new TxnLogToolkit(true, false, apacheLog.toString(), false)) {
                apache.dump(new Scanner(answers));
            }
        });

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = TxnLogToolkitRun.run(new String[] {"--recover", ourLog.toString()},
                new ByteArrayInputStream(answers.getBytes(StandardCharsets.UTF_8)), out);

        assertEquals(0, exit);
        assertEquals(expected + "Recovery file " + ourLog + ".fixed has been written with 1 fixed CRC error(s)\n",
                out.toString(StandardCharsets.UTF_8));
        assertEquals(3, expected.split("Would you like to fix it").length - 1, expected);
        assertEquals(-1, Files.mismatch(Path.of(ourLog + ".fixed"), Path.of(apacheLog + ".fixed")));

        Path again = damage(apacheLog(dir.resolve("abort")), 2);
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        assertEquals(0, TxnLogToolkitRun.run(new String[] {"-r", again.toString()},
                new ByteArrayInputStream("a\n".getBytes(StandardCharsets.UTF_8)), new ByteArrayOutputStream(),
                errors));
        assertEquals("Recovery aborted.\n", errors.toString(StandardCharsets.UTF_8));
        assertEquals(1, TxnLogToolkitRun.run(new String[] {"-r", again.toString()}, InputStream.nullInputStream(),
                new ByteArrayOutputStream(), errors), "the recovery file exists now");
    }

    @Test
    void chopKeepsTheEntriesUpToTheZxidAsApachesDoes() throws Exception {
        for (String zxid : List.of("0x6", "0x99", "1")) {
            Path ourLog = apacheLog(dir.resolve("ours" + zxid));
            Path apacheLog = apacheLog(dir.resolve("apache" + zxid));
            String expected = ApacheSnapshots.apache(() -> new TxnLogToolkit(apacheLog.toString(), zxid).chop());

            assertEquals(expected, ours("-c", "-z", zxid, ourLog.toString()), "chop at " + zxid);
            Path chopped = Path.of(ourLog + ".chopped" + Long.decode(zxid));
            assertEquals(-1, Files.mismatch(chopped, Path.of(apacheLog + ".chopped" + Long.decode(zxid))));
        }
        Path log = apacheLog(dir.resolve("six"));
        ours("--chop", "--zxid=6", log.toString());
        String choppedDump = ours(log + ".chopped6");
        assertTrue(choppedDump.endsWith("EOF reached after 6 txns.\n"), choppedDump);
    }

    @Test
    void badInvocationsAnswerAsApachesWithTheSameExitCodes() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(1, TxnLogToolkitRun.run(new String[0], InputStream.nullInputStream(), out, err));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("usage: TxnLogToolkit [-dhrvc]"));
        assertEquals(1, TxnLogToolkitRun.run(new String[] {"-x", "f"}, InputStream.nullInputStream(), out, err));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("Unrecognized option: -x"));
        err.reset();
        Path missing = dir.resolve("missing");
        assertEquals(1, TxnLogToolkitRun.run(new String[] {missing.toString()}, InputStream.nullInputStream(), out,
                err));
        assertEquals("File doesn't exist or not readable: " + missing + "\n", err.toString(StandardCharsets.UTF_8));
        err.reset();
        Path notALog = Files.write(dir.resolve("not-a-log"), new byte[64]);
        assertEquals(2, TxnLogToolkitRun.run(new String[] {notALog.toString()}, InputStream.nullInputStream(), out,
                err));
        assertEquals("Invalid magic number for not-a-log\n", err.toString(StandardCharsets.UTF_8));
    }

    private static String ours(String... args) {
        return ApacheSnapshots.ours((arguments, out, err) -> dev.menagerie.storage.file.tool.TxnLogToolkit.run(
                arguments, InputStream.nullInputStream(), out, err), args);
    }

    private static String apacheDump(Path log) throws Exception {
        return ApacheSnapshots.apache(() -> {
            try (TxnLogToolkit apache = new TxnLogToolkit(false, false, log.toString(), false)) {
                apache.dump(new Scanner(""));
            }
        });
    }

    /** Flips the stored CRC of entry {@code index} (from 0); returns the log. */
    private static Path damage(Path log, int index) throws IOException {
        byte[] bytes = Files.readAllBytes(log);
        int offset = 16;
        for (int i = 0; i < index; i++) {
            offset += 8 + 4 + ByteBuffer.wrap(bytes, offset + 8, 4).getInt() + 1;
        }
        bytes[offset + 7] ^= 0x01;
        Files.write(log, bytes);
        return log;
    }

    /** A log of every kind of transaction Apache writes, by Apache's FileTxnLog; returns the file. */
    private static Path apacheLog(Path folder) throws IOException {
        Files.createDirectories(folder);
        FileTxnLog log = new FileTxnLog(folder.toFile());
        try {
            List<Record> txns = List.of(new CreateSessionTxn(30_000),
                    new CreateTxn("/app", "data,with}comma\nand newline".getBytes(StandardCharsets.UTF_8), OPEN,
                            false, 1),
                    new CreateTxn("/app/e", null, TWO_ACLS, true, 2),
                    new SetDataTxn("/app", "v2".getBytes(StandardCharsets.UTF_8), 1),
                    new SetACLTxn("/app", TWO_ACLS, 3),
                    new CreateContainerTxn("/c", new byte[] {1, -2}, OPEN, 0),
                    new CreateTTLTxn("/t", new byte[0], OPEN, 0, 5_000),
                    multi(),
                    new DeleteTxn("/app/e"),
                    new ErrorTxn(-101),
                    new CloseSessionTxn(List.of("/app/e", "/x,y")),
                    new SetDataTxn("/zookeeper/config", "server.1=a:1:2\nversion=1".getBytes(StandardCharsets.UTF_8),
                            -1),
                    new DeleteTxn("/c"),
                    new CreateSessionTxn(4_000));
            int[] types = {OpCode.createSession, OpCode.create, OpCode.create2, OpCode.setData, OpCode.setACL,
                OpCode.createContainer, OpCode.createTTL, OpCode.multi, OpCode.delete, OpCode.error,
                OpCode.closeSession, OpCode.reconfig, OpCode.deleteContainer, OpCode.createSession};
            assertEquals(TXNS, txns.size());
            for (int i = 0; i < TXNS; i++) {
                long zxid = i + 1;
                int cxid = i == 10 ? -2 : i;
                TxnHeader header = new TxnHeader(SESSION + i % 2, cxid, zxid, 1_796_646_278_000L + i * 61_000L,
                        types[i]);
                log.append(new Request(header, txns.get(i), i % 3 == 0 ? new TxnDigest(2, 0x1234_5678L * i) : null));
            }
            log.commit();
        } finally {
            log.close();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().startsWith("log.")).findFirst().orElseThrow();
        }
    }

    private static MultiTxn multi() throws IOException {
        List<Txn> parts = new ArrayList<>();
        parts.add(new Txn(OpCode.create, bytes(new CreateTxn("/m", "m".getBytes(StandardCharsets.UTF_8), OPEN,
                false, 4))));
        parts.add(new Txn(OpCode.check, bytes(new CheckVersionTxn("/app", 2))));
        parts.add(new Txn(OpCode.setData, bytes(new SetDataTxn("/m", "n".getBytes(StandardCharsets.UTF_8), 0))));
        parts.add(new Txn(OpCode.delete, bytes(new DeleteTxn("/m"))));
        return new MultiTxn(parts);
    }

    private static byte[] bytes(Record record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        record.serialize(BinaryOutputArchive.getArchive(out), "txn");
        return out.toByteArray();
    }

    /** Our tool with an input and captured outputs. */
    private static final class TxnLogToolkitRun {
        static int run(String[] args, InputStream in, ByteArrayOutputStream out) {
            return run(args, in, out, new ByteArrayOutputStream());
        }

        static int run(String[] args, InputStream in, ByteArrayOutputStream out, ByteArrayOutputStream err) {
            return dev.menagerie.storage.file.tool.TxnLogToolkit.run(args, in,
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true,
                            StandardCharsets.UTF_8));
        }
    }
}
