package dev.menagerie.it.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A standalone server SIGKILLed at random moments under write load loses no acknowledged write; a log whose tail
 * is torn or corrupt is cut back and the server starts with everything acknowledged before the damage.
 * System properties: crash.seed, crash.cycles (12), crash.writers (4), crash.maxLoadMs (1500),
 * crash.budgetSeconds (300).
 */
class CrashRecoveryTest {

    private static final long SEED = Long.getLong("crash.seed", System.nanoTime());
    private static final int CYCLES = Integer.getInteger("crash.cycles", 12);
    private static final int WRITERS = Integer.getInteger("crash.writers", 4);
    private static final int MIN_LOAD_MS = 200;
    private static final int MAX_LOAD_MS = Integer.getInteger("crash.maxLoadMs", 1500);
    private static final Duration BUDGET = Duration.ofSeconds(Long.getLong("crash.budgetSeconds", 300));
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration WRITER_END_TIMEOUT = Duration.ofSeconds(30);
    /** Enough writes per writer that the load never ends by itself before the kill. */
    private static final int MAX_OPS_PER_WRITER = 1_000_000;
    /** Small, so that the kills also land around snapshots and log rolls. */
    private static final String SNAP_COUNT = "300";

    @Test
    void survivesSigkillRestartCyclesWithoutLosingAcknowledgedWrites() throws Exception {
        System.out.println("CrashRecoveryTest seed " + SEED + " (rerun with -Dcrash.seed=" + SEED + ")");
        Random random = new Random(SEED);
        AckLedger ledger = new AckLedger();
        long deadline = System.nanoTime() + BUDGET.toNanos();
        try (MenagerieServer server = MenagerieServer.forStartHeavyTest("menagerie", Distribution.newWorkDir("crash"),
                Map.of("snapCount", SNAP_COUNT))) {
            startAndPrepare(server);
            for (int cycle = 1; cycle <= CYCLES; cycle++) {
                String where = "seed " + SEED + ", cycle " + cycle + ", " + server;
                assertTrue(System.nanoTime() < deadline, "only " + (cycle - 1) + " of " + CYCLES
                        + " cycles fit in " + BUDGET + "; " + where);
                long maxZxidBefore = ledger.maxZxid();
                int ackedBefore = ledger.size();
                WriteLoad load = loadThenKill(server, ledger, "c" + cycle, MIN_LOAD_MS
                        + random.nextInt(MAX_LOAD_MS - MIN_LOAD_MS + 1));
                assertEquals(List.of(), load.unexpectedErrors(), where);
                assertTrue(load.minAckZxid() == Long.MAX_VALUE || load.minAckZxid() > maxZxidBefore,
                        "zxid went backwards after a restart: 0x" + Long.toHexString(load.minAckZxid())
                                + " <= 0x" + Long.toHexString(maxZxidBefore) + "; " + where);
                long restartStartNs = System.nanoTime();
                server.start();
                ZooKeeper client = Clients.awaitServing(server, START_TIMEOUT);
                try {
                    long restartMs = (System.nanoTime() - restartStartNs) / 1_000_000;
                    List<String> problems = LedgerCheck.problems(client, ledger);
                    System.out.printf("cycle %d: %d writes acknowledged (%d in total), restart %d ms, %s%n",
                            cycle, ledger.size() - ackedBefore, ledger.size(), restartMs,
                            problems.isEmpty() ? "all present" : problems.size() + " problems");
                    assertEquals(List.of(), problems, "acknowledged writes lost or wrong; " + where
                            + "; server output " + server.outputFile());
                } finally {
                    Clients.closeQuietly(client);
                }
            }
            assertTrue(ledger.size() >= CYCLES, "the load acknowledged only " + ledger.size() + " writes");
        }
    }

    enum Damage { FLIPPED_BYTE, TRUNCATED }

    @ParameterizedTest
    @EnumSource(Damage.class)
    void startsAfterDamageToTheLogTailWithEverythingAcknowledgedBeforeIt(Damage damage) throws Exception {
        long seed = SEED + damage.ordinal();
        Random random = new Random(seed);
        AckLedger ledger = new AckLedger();
        try (MenagerieServer server = MenagerieServer.forStartHeavyTest("menagerie",
                Distribution.newWorkDir("damage-" + damage), Map.of())) {
            String where = "seed " + seed + ", " + damage + ", " + server;
            startAndPrepare(server);
            loadThenKill(server, ledger, "d", 1_000 + random.nextInt(1_000));

            Path log = TxnLogFile.newest(server.dataDir());
            List<TxnLogFile.Entry> entries = TxnLogFile.entries(log);
            assertTrue(entries.size() >= 20, "only " + entries.size() + " entries in " + log + "; " + where);
            TxnLogFile.Entry damaged = entries.get(entries.size() - 1 - random.nextInt(3));
            if (damage == Damage.FLIPPED_BYTE) {
                TxnLogFile.flipByteInside(log, damaged);
            } else {
                TxnLogFile.truncateInside(log, damaged);
            }
            long damagedZxid = damaged.zxid();
            long mustSurvive = ledger.creates().values().stream().filter(a -> a.zxid() < damagedZxid).count()
                    + ledger.sets().values().stream().filter(a -> a.zxid() < damagedZxid).count();
            assertTrue(mustSurvive > 0, "no acknowledged write before the damage; " + where);
            System.out.printf("%s: damaged entry zxid 0x%x of %d in %s; %d acknowledged writes precede it%n",
                    damage, damagedZxid, entries.size(), log.getFileName(), mustSurvive);

            server.start();
            ZooKeeper client = Clients.awaitServing(server, START_TIMEOUT);
            Stat after;
            try {
                assertEquals(List.of(), LedgerCheck.problems(client, ledger, zxid -> zxid < damagedZxid),
                        "after restarting on the damaged log; " + where + "; output " + server.outputFile());
                after = new Stat();
                client.create("/after-damage", "written after the cut".getBytes(StandardCharsets.UTF_8),
                        Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT, after);
            } finally {
                Clients.closeQuietly(client);
            }

            // What the server appends after the cut must be readable after another crash.
            server.kill();
            server.start();
            client = Clients.awaitServing(server, START_TIMEOUT);
            try {
                Stat reloaded = new Stat();
                byte[] data = client.getData("/after-damage", false, reloaded);
                assertEquals("written after the cut", new String(data, StandardCharsets.UTF_8), where);
                assertEquals(after.getCzxid(), reloaded.getCzxid(), where);
                assertEquals(List.of(), LedgerCheck.problems(client, ledger, zxid -> zxid < damagedZxid),
                        "after a second restart; " + where);
            } finally {
                Clients.closeQuietly(client);
            }
        }
    }

    private static void startAndPrepare(ServerProcess server) throws Exception {
        server.start();
        ZooKeeper client = Clients.awaitServing(server, START_TIMEOUT);
        try {
            WriteLoad.prepare(client, WRITERS);
        } finally {
            Clients.closeQuietly(client);
        }
    }

    /** Runs the writers for {@code loadMs}, then SIGKILLs the server while they write. */
    private static WriteLoad loadThenKill(ServerProcess server, AckLedger ledger, String round, int loadMs)
            throws Exception {
        WriteLoad load = new WriteLoad(server, ledger, round, MAX_OPS_PER_WRITER);
        load.start(WRITERS);
        // Not a wait for a condition: the random length of the load is what picks the moment of the crash.
        Thread.sleep(loadMs);
        server.kill();
        load.awaitEnd(WRITER_END_TIMEOUT);
        return load;
    }
}
