package dev.menagerie.it.process;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.testing.Await;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Set;
import java.util.List;
import java.util.function.IntFunction;
import java.util.Map;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Quorum mode as separate server processes on 127.0.0.1: elections, replication, failover under load, crashed,
 * paused and restarted members, observers, hierarchical quorums and quorum loss. Runs against Menagerie's
 * distribution, or with {@code -Dmenagerie.it.ensemble.impl=apache} against Apache ZooKeeper 3.9.5 (to check the
 * test itself). The 3-server tests share one ensemble, restored before each of them; the others start their own.
 * Server output and data stay under target/it-work. System properties: ensemble.cycles (12 leader kills),
 * ensemble.cycleBudgetSeconds (360), menagerie.it.exampleConfig (../../conf/zoo-ensemble-example.cfg).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnsembleTest {

    static final EnsembleMember.Impl IMPL = EnsembleMember.Impl.fromSystemProperty();
    static final List<String> JVM_FLAGS = Distribution.testJvmFlags("-Xmx512m");
    /** Short ticks keep failure detection (syncLimit = 3 s) and the test quick; sessions may last 20 ticks. */
    static final int TICK_MS = 1_000;
    static final int INIT_LIMIT_TICKS = 10;
    static final int SYNC_LIMIT_TICKS = 3;
    static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    static final Duration FAILOVER_TIMEOUT = Duration.ofSeconds(60);
    static final Duration CHECK_TIMEOUT = Duration.ofSeconds(60);
    /** How long writes must keep failing once a quorum is lost. */
    static final Duration NO_QUORUM_WINDOW = Duration.ofSeconds(3);
    private static final int CYCLES = Integer.getInteger("ensemble.cycles", 12);
    private static final Duration CYCLE_BUDGET = Duration.ofSeconds(Long.getLong("ensemble.cycleBudgetSeconds",
            360));
    private static final int WRITERS = 2;
    private static final int COMMIT_LOG_COUNT = 100;
    private static final int MAX_OPS_PER_WRITER = 1_000_000;

    private Ensemble three;
    private RuntimeException threeFailedToStart;

    /**
     * The shared 3-server ensemble, whole again; started on first use. Once a start or a restore failed, later
     * tests fail at once instead of waiting on a broken ensemble again.
     */
    private Ensemble three() throws Exception {
        if (threeFailedToStart != null) {
            throw new IllegalStateException("the shared 3-server ensemble could not be started or restored"
                    + " earlier (see the first failing test)", threeFailedToStart);
        }
        try {
            if (three == null) {
                // A window of 100 committed proposals, so that a follower down for 200 writes is synced from
                // the leader's log (aKilledFollowerDoesNotStopServiceAndCatchesUpAfterRestart).
                EnsembleLayout layout = layout(3, 0);
                three = Ensemble.start(IMPL, layout.withTemplate(layout.configText(1, Path.of("data"))
                        + "commitLogCount=" + COMMIT_LOG_COUNT + "\n"), "ensemble3", JVM_FLAGS);
            }
            three.restoreAll(START_TIMEOUT);
            return three;
        } catch (RuntimeException e) {
            threeFailedToStart = e;
            throw e;
        }
    }

    static EnsembleLayout layout(int voters, int observers) {
        return EnsembleLayout.of(voters, observers, TICK_MS, INIT_LIMIT_TICKS, SYNC_LIMIT_TICKS);
    }

    @AfterAll
    void stopSharedEnsemble() throws InterruptedException {
        if (three != null) {
            three.close();
        }
    }

    @Test
    void threeServersElectOneLeaderAndEveryWriteIsReadableOnEveryServer() throws Exception {
        Ensemble ensemble = three();
        Map<Integer, String> modes = ensemble.modes();
        assertEquals(1, modes.values().stream().filter("leader"::equals).count(), "leaders in " + modes);
        assertEquals(2, modes.values().stream().filter("follower"::equals).count(), "followers in " + modes);

        String parent = "/replicated-" + System.nanoTime();
        for (EnsembleMember member : ensemble.members()) {
            ZooKeeper client = Clients.connect(member.connectString(), 30_000, CHECK_TIMEOUT);
            try {
                if (member.id() == 1) {
                    client.create(parent, new byte[0], Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
                }
                client.create(parent + "/via-" + member.id(), viaText(member.id()), Ids.OPEN_ACL_UNSAFE,
                        CreateMode.PERSISTENT);
            } finally {
                Clients.closeQuietly(client);
            }
        }
        for (EnsembleMember reader : ensemble.members()) {
            ZooKeeper client = ensemble.syncedClient(reader.id(), CHECK_TIMEOUT);
            try {
                for (EnsembleMember writer : ensemble.members()) {
                    assertArrayEquals(viaText(writer.id()),
                            client.getData(parent + "/via-" + writer.id(), false, null),
                            "the write via server " + writer.id() + " read on server " + reader.id());
                }
            } finally {
                Clients.closeQuietly(client);
            }
        }
        // Every server applied the others' writes: mntr shows each one's commit path and replication at work.
        for (EnsembleMember member : ensemble.members()) {
            boolean leader = "leader".equals(modes.get(member.id()));
            List<String> keys = leader ? List.of("zk_cnt_propagation_latency", "zk_cnt_write_final_proc_time_ms",
                    "zk_cnt_unavailable_time", "zk_cnt_leader_unavailable_time")
                    : List.of("zk_cnt_server_write_committed_time_ms", "zk_cnt_local_write_committed_time_ms",
                            "zk_cnt_proposal_latency", "zk_cnt_propagation_latency", "zk_cnt_unavailable_time",
                            "zk_cnt_learner_request_processor_queue_size", "zk_cnt_proposal_ack_creation_latency",
                            "zk_cnt_commit_propagation_latency");
            if (!leader) {
                // The learner's per-session queues held each local write until its commit came back.
                keys = new ArrayList<>(keys);
                keys.addAll(List.of("zk_cnt_requests_in_session_queue", "zk_cnt_pending_session_queue_size",
                        "zk_sum_session_queues_drained", "zk_cnt_write_commit_proc_issued"));
            }
            Map<String, Long> mntr = mntrCounts(member);
            for (String key : keys) {
                assertTrue(mntr.getOrDefault(key, 0L) > 0, key + " on server " + member.id() + ": " + mntr.get(key));
            }
            assertEquals(3L, mntr.get("zk_quorum_size"), "voting members as server " + member.id() + " reports them");
            for (EnsembleMember learner : leader ? ensemble.members() : List.<EnsembleMember>of()) {
                // The leader's sender to each learner took packets from that learner's queue.
                String queue = "zk_cnt_" + learner.id() + "_learner_handler_qp_size";
                assertTrue(learner.id() == member.id() || mntr.getOrDefault(queue, 0L) > 0, queue + ": "
                        + mntr.get(queue));
            }
        }
    }

    private static Map<String, Long> mntrCounts(EnsembleMember member) {
        Map<String, Long> counts = new java.util.HashMap<>();
        for (String line : FourLetterWordClient.send(member.clientPort(), "mntr", CHECK_TIMEOUT).split("\n")) {
            String[] keyValue = line.split("\t");
            if (keyValue.length == 2 && keyValue[1].matches("\\d+")) {
                counts.put(keyValue[0], Long.parseLong(keyValue[1]));
            }
        }
        return counts;
    }

    private static byte[] viaText(int id) {
        return ("written via server " + id).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void curatorLeaderLatchMutexAndCacheWorkAgainstTheEnsemble() throws Exception {
        CuratorChecks.run(three().connectString(), "/curator-" + System.nanoTime());
    }

    @Test
    void leaderKillCyclesUnderLoadLoseNoAcknowledgedWrite() throws Exception {
        Ensemble ensemble = three();
        AckLedger ledger = new AckLedger();
        prepareLoad(ensemble);
        EnsembleLoad load = new EnsembleLoad(ensemble.connectString(), ledger, "kill", MAX_OPS_PER_WRITER,
                CYCLE_BUDGET.plusMinutes(2));
        List<Long> failoverMs = new ArrayList<>();
        long deadline = System.nanoTime() + CYCLE_BUDGET.toNanos();
        load.start(WRITERS);
        try (WriteProbe probe = new WriteProbe(ensemble.connectString())) {
            for (int cycle = 1; cycle <= CYCLES; cycle++) {
                assertTrue(System.nanoTime() < deadline, "only " + (cycle - 1) + " of " + CYCLES
                        + " leader kills fit in " + CYCLE_BUDGET + "; failovers (ms) " + failoverMs);
                assertTrue(probe.awaitWrite(FAILOVER_TIMEOUT) != null, "no write before cycle " + cycle + ": "
                        + probe.lastFailure() + ensemble.diagnostics());
                int leader = ensemble.awaitLeader(FAILOVER_TIMEOUT);
                long killedNs = System.nanoTime();
                ensemble.kill(leader);
                Duration toWrite = probe.awaitWrite(FAILOVER_TIMEOUT);
                assertTrue(toWrite != null, "no write within " + FAILOVER_TIMEOUT + " after killing leader "
                        + leader + " in cycle " + cycle + " (" + probe.lastFailure() + ")" + ensemble.diagnostics());
                long ms = (System.nanoTime() - killedNs) / 1_000_000;
                failoverMs.add(ms);
                int newLeader = ensemble.awaitLeader(FAILOVER_TIMEOUT);
                ensemble.restart(leader);
                ensemble.awaitServing(leader, START_TIMEOUT);
                System.out.printf("%s cycle %d: killed leader %d, first write after %d ms, new leader %d,"
                        + " %d writes acknowledged%n", IMPL.label(), cycle, leader, ms, newLeader, ledger.size());
            }
        } finally {
            load.stopAndAwait(FAILOVER_TIMEOUT);
        }
        System.out.println(IMPL.label() + " failover after leader kill: " + Stats.summary(failoverMs));
        assertEquals(List.of(), load.unexpectedErrors(), "writer errors");
        assertTrue(ledger.size() >= CYCLES, "the load acknowledged only " + ledger.size() + " writes");
        assertLedgerOnEveryMember(ensemble, ledger);
    }

    @Test
    void aKilledFollowerDoesNotStopServiceAndCatchesUpAfterRestart() throws Exception {
        Ensemble ensemble = three();
        int leader = ensemble.awaitLeader(START_TIMEOUT);
        int follower = otherThan(ensemble, leader);
        AckLedger ledger = new AckLedger();
        prepareLoad(ensemble);
        EnsembleLoad load = new EnsembleLoad(ensemble.connectString(), ledger, "follower-kill", MAX_OPS_PER_WRITER,
                Duration.ofMinutes(3));
        load.start(WRITERS);
        try {
            awaitMoreWrites(load, 50, "before the kill", ensemble);
            ensemble.kill(follower);
            awaitMoreWrites(load, 200, "while follower " + follower + " is down", ensemble);
            assertEquals("leader", ensemble.member(leader).mode(Duration.ofSeconds(2)),
                    "leader " + leader + " after follower " + follower + " was killed");
            ensemble.restart(follower);
            ensemble.awaitServing(follower, START_TIMEOUT);
            awaitMoreWrites(load, 50, "after follower " + follower + " restarted", ensemble);
        } finally {
            load.stopAndAwait(FAILOVER_TIMEOUT);
        }
        assertEquals(List.of(), load.unexpectedErrors(), "writer errors");
        assertLedgerOn(ensemble, follower, ledger);
    }

    /**
     * A follower that missed more than the leader's window of committed proposals, but a log shorter than a third of
     * a snapshot (Apache's snapshotSizeFactor rule), gets the log, not a snapshot.
     */
    @Test
    void aFollowerBehindTheWindowIsSyncedFromTheLeadersLogNotASnapshot() throws Exception {
        Ensemble ensemble = three();
        int leader = ensemble.awaitLeader(START_TIMEOUT);
        int follower = otherThan(ensemble, leader);
        String parent = "/log-sync-" + System.nanoTime();
        int bigNodes = 400;
        int missed = 3 * COMMIT_LOG_COUNT;
        ZooKeeper client = ensemble.syncedClient(leader, CHECK_TIMEOUT);
        try {
            client.create(parent, new byte[0], Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            for (int i = 0; i < bigNodes; i++) { // 400 KiB more in a snapshot
                client.create(parent + "/big-" + i, new byte[1024], Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            }
            ensemble.kill(follower);
            for (int i = 0; i < missed; i++) {
                client.create(parent + "/small-" + i, new byte[8], Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            }
        } finally {
            Clients.closeQuietly(client);
        }
        Path leaderLog = ensemble.member(leader).logFile();
        Path followerLog = ensemble.member(follower).logFile();
        long leaderLogBefore = Files.size(leaderLog);
        long followerLogBefore = Files.size(followerLog);
        ensemble.restart(follower);
        ensemble.awaitServing(follower, START_TIMEOUT);
        ZooKeeper reader = ensemble.syncedClient(follower, CHECK_TIMEOUT);
        try {
            assertEquals(bigNodes + missed, reader.getChildren(parent, false).size(), "children on follower "
                    + follower);
        } finally {
            Clients.closeQuietly(reader);
        }
        if (IMPL == EnsembleMember.Impl.MENAGERIE) {
            String synced = "to sync learner " + follower + " without a snapshot";
            Await.untilNoException("the leader's log " + leaderLog + " to say: " + synced, CHECK_TIMEOUT,
                    () -> textAfter(leaderLog, leaderLogBefore).contains(synced) ? Boolean.TRUE : null);
            assertFalse(textAfter(followerLog, followerLogBefore).contains("Loaded the leader's snapshot"),
                    "follower " + follower + " was sent a snapshot; see " + followerLog);
        }
    }

    @Test
    void aFollowerPausedLongerThanSyncLimitRejoinsAfterSigcont() throws Exception {
        Ensemble ensemble = three();
        int leader = ensemble.awaitLeader(START_TIMEOUT);
        int follower = otherThan(ensemble, leader);
        AckLedger ledger = new AckLedger();
        prepareLoad(ensemble);
        EnsembleLoad load = new EnsembleLoad(ensemble.connectString(), ledger, "pause", MAX_OPS_PER_WRITER,
                Duration.ofMinutes(3));
        load.start(WRITERS);
        try {
            awaitMoreWrites(load, 50, "before the pause", ensemble);
            ensemble.pause(follower);
            long pausedNs = System.nanoTime();
            awaitMoreWrites(load, 200, "while follower " + follower + " is paused", ensemble);
            // The scenario, not a wait for a condition: the pause must outlast syncLimit so the leader drops it.
            long pauseMs = 2 * ensemble.layout().syncLimitMs() + 1_000;
            Thread.sleep(Math.max(0, pauseMs - (System.nanoTime() - pausedNs) / 1_000_000));
            assertEquals("leader", ensemble.member(leader).mode(Duration.ofSeconds(2)),
                    "leader " + leader + " while follower " + follower + " is paused");
            ensemble.resume(follower);
            ensemble.awaitServing(follower, START_TIMEOUT);
            awaitMoreWrites(load, 50, "after follower " + follower + " resumed", ensemble);
        } finally {
            load.stopAndAwait(FAILOVER_TIMEOUT);
        }
        assertEquals(List.of(), load.unexpectedErrors(), "writer errors");
        assertLedgerOn(ensemble, follower, ledger);
    }

    @Test
    void anObserverForwardsWritesAndSeesEverything() throws Exception {
        try (Ensemble ensemble = Ensemble.start(IMPL, layout(3, 1), "observer", JVM_FLAGS)) {
            ensemble.awaitWritable(START_TIMEOUT);
            int leader = ensemble.awaitLeader(START_TIMEOUT);
            assertTrue(leader <= 3, "observer 4 became leader: " + ensemble.modes());
            ensemble.awaitMode(4, "observer", START_TIMEOUT);
            String srvr = ensemble.member(4).srvr(Duration.ofSeconds(2));
            assertTrue(srvr.contains("Mode: observer"), "srvr on the observer: " + srvr);

            ZooKeeper viaObserver = Clients.connect(ensemble.member(4).connectString(), 30_000, CHECK_TIMEOUT);
            try {
                viaObserver.create("/via-observer", viaText(4), Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            } finally {
                Clients.closeQuietly(viaObserver);
            }
            for (EnsembleMember member : ensemble.members()) {
                ZooKeeper client = ensemble.syncedClient(member.id(), CHECK_TIMEOUT);
                try {
                    assertArrayEquals(viaText(4), client.getData("/via-observer", false, null),
                            "the write via the observer, read on server " + member.id());
                } finally {
                    Clients.closeQuietly(client);
                }
            }
        }
    }

    /**
     * Groups {1,2}, {3,4}, {5}, weight 1 each. Killing 1 and 3 leaves 3 of 5 servers (a plain majority) but only
     * group {5} with a majority of its weight, one group of three: no quorum. Restarting 1 gives back {1,2}.
     */
    @Test
    void hierarchicalQuorumsNeedAMajorityOfGroups() throws Exception {
        EnsembleLayout layout = layout(5, 0).withGroups(List.of(List.of(1, 2), List.of(3, 4), List.of(5)));
        try (Ensemble ensemble = Ensemble.start(IMPL, layout, "hierarchical", JVM_FLAGS)) {
            ensemble.awaitWritable(START_TIMEOUT);
            ensemble.awaitLeader(START_TIMEOUT);
            ensemble.kill(1);
            ensemble.kill(3);
            assertWritesStop(ensemble, "servers 2, 4, 5 are a plain majority but hold only group 3");
            ensemble.restart(1);
            Duration recovery = ensemble.awaitWritable(FAILOVER_TIMEOUT);
            System.out.println(IMPL.label() + " hierarchical: writable again " + recovery.toMillis()
                    + " ms after server 1 restarted");
            ensemble.restart(3);
            ensemble.restoreAll(START_TIMEOUT);
        }
    }

    @Test
    void fiveServersSurviveTwoDeadFollowersButNotThree() throws Exception {
        try (Ensemble ensemble = Ensemble.start(IMPL, layout(5, 0), "five", JVM_FLAGS)) {
            ensemble.awaitWritable(START_TIMEOUT);
            int leader = ensemble.awaitLeader(START_TIMEOUT);
            List<Integer> followers = ensemble.members().stream().map(EnsembleMember::id)
                    .filter(id -> id != leader).toList();
            ensemble.kill(followers.get(0));
            ensemble.kill(followers.get(1));
            ensemble.awaitWritable(FAILOVER_TIMEOUT);
            assertEquals("leader", ensemble.member(leader).mode(Duration.ofSeconds(2)),
                    "leader " + leader + " with two followers down");
            ensemble.kill(followers.get(2));
            assertWritesStop(ensemble, "three of five servers are down");
            ensemble.restart(followers.get(2));
            ensemble.awaitWritable(FAILOVER_TIMEOUT);
            ensemble.restoreAll(START_TIMEOUT);
        }
    }

    /** conf/zoo-ensemble-example.cfg, copied per server as its comments say, forms a working ensemble. */
    @Test
    void theDocumentedExampleConfigFormsAnEnsemble() throws Exception {
        Path example = Path.of(System.getProperty("menagerie.it.exampleConfig",
                "../../conf/zoo-ensemble-example.cfg"));
        EnsembleLayout layout = EnsembleLayout.of(3, 0, 2_000, 10, 5).withTemplate(Files.readString(example));
        try (Ensemble ensemble = Ensemble.start(IMPL, layout, "example", JVM_FLAGS)) {
            ensemble.awaitWritable(START_TIMEOUT);
            ensemble.awaitLeader(START_TIMEOUT);
            for (EnsembleMember member : ensemble.members()) {
                ensemble.awaitServing(member.id(), START_TIMEOUT);
            }
            Map<Integer, String> modes = ensemble.modes();
            assertEquals(1, modes.values().stream().filter("leader"::equals).count(), example + ": " + modes);
            assertEquals(2, modes.values().stream().filter("follower"::equals).count(), example + ": " + modes);
        }
    }

    /** Every running member gives up its role, and no write is acknowledged for a while after that. */
    private static void assertWritesStop(Ensemble ensemble, String why) throws Exception {
        ensemble.awaitNoneServing(FAILOVER_TIMEOUT);
        try (WriteProbe probe = new WriteProbe(ensemble.connectString())) {
            int acknowledged = probe.acknowledgedWritesDuring(NO_QUORUM_WINDOW);
            assertEquals(0, acknowledged, "writes acknowledged without a quorum (" + why + "); modes "
                    + ensemble.modes());
        }
    }

    static void prepareLoad(Ensemble ensemble) throws Exception {
        ZooKeeper client = Clients.connect(ensemble.connectString(), 30_000, CHECK_TIMEOUT);
        try {
            EnsembleLoad.prepare(client);
        } finally {
            Clients.closeQuietly(client);
        }
    }

    /** What a server's log file gained after {@code offset} bytes. */
    private static String textAfter(Path log, long offset) throws IOException {
        byte[] bytes = Files.readAllBytes(log);
        return new String(bytes, (int) Math.min(offset, bytes.length), (int) Math.max(0, bytes.length - offset),
                StandardCharsets.UTF_8);
    }

    private static int otherThan(Ensemble ensemble, int leader) {
        return ensemble.members().stream().map(EnsembleMember::id).filter(id -> id != leader).findFirst()
                .orElseThrow();
    }

    /** Waits (bounded) until the load has {@code more} acknowledged writes than now. */
    static void awaitMoreWrites(EnsembleLoad load, long more, String when, Ensemble ensemble)
            throws InterruptedException {
        long target = load.acknowledged() + more;
        long deadline = System.nanoTime() + FAILOVER_TIMEOUT.toNanos();
        while (load.acknowledged() < target && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(load.acknowledged() >= target, "only " + (load.acknowledged() - target + more) + " of " + more
                + " writes acknowledged within " + FAILOVER_TIMEOUT + " " + when + " (" + load.failed()
                + " failed, errors " + load.unexpectedErrors() + "); modes " + ensemble.modes()
                + ensemble.diagnostics());
    }

    /** Restarts each member in turn with {@code extraConfig}; writes must go on after every restart. */
    static void rollingRestart(Ensemble ensemble, EnsembleLoad load, IntFunction<String> extraConfig, String step)
            throws Exception {
        for (EnsembleMember member : ensemble.members()) {
            member.setExtraConfig(extraConfig.apply(member.id()));
            ensemble.restart(member.id());
            ensemble.awaitServing(member.id(), START_TIMEOUT);
            awaitMoreWrites(load, 50, "after restarting server " + member.id() + " with " + step, ensemble);
        }
    }

    /**
     * Kills the leader and restarts it with {@code extraConfig} until both implementations have led (the second
     * stays leader), at most {@code maxCycles} times; writes must go on while each leads and soon after each kill.
     *
     * @return the implementations that led
     */
    static Set<EnsembleMember.Impl> killLeadersUntilBothLed(Ensemble ensemble, EnsembleLoad load, WriteProbe probe,
            int maxCycles, IntFunction<String> extraConfig) throws Exception {
        Set<EnsembleMember.Impl> leaders = EnumSet.noneOf(EnsembleMember.Impl.class);
        for (int cycle = 0; cycle < maxCycles && leaders.size() < 2; cycle++) {
            int leader = ensemble.awaitLeader(FAILOVER_TIMEOUT);
            leaders.add(ensemble.member(leader).impl());
            awaitMoreWrites(load, 100, "while server " + leader + " leads", ensemble);
            if (leaders.size() == 2) {
                break;
            }
            ensemble.kill(leader);
            assertNotNull(probe.awaitWrite(FAILOVER_TIMEOUT), "no write after killing leader " + leader + " ("
                    + probe.lastFailure() + ")" + ensemble.diagnostics());
            ensemble.member(leader).setExtraConfig(extraConfig.apply(leader));
            ensemble.restart(leader);
            ensemble.awaitServing(leader, START_TIMEOUT);
        }
        return leaders;
    }

    static void assertLedgerOnEveryMember(Ensemble ensemble, AckLedger ledger) throws Exception {
        for (EnsembleMember member : ensemble.members()) {
            assertLedgerOn(ensemble, member.id(), ledger);
        }
    }

    /** Every acknowledged write, read from member {@code id} alone after a sync. */
    static void assertLedgerOn(Ensemble ensemble, int id, AckLedger ledger) throws Exception {
        ZooKeeper client = ensemble.syncedClient(id, CHECK_TIMEOUT);
        try {
            assertEquals(List.of(), LedgerCheck.problems(client, ledger), ledger.size()
                    + " acknowledged writes read on server " + id + "; output " + ensemble.member(id).outputFile());
        } finally {
            Clients.closeQuietly(client);
        }
    }
}
