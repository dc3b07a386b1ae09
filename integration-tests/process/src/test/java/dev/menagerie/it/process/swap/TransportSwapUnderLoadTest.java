package dev.menagerie.it.process.swap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.it.process.AckLedger;
import dev.menagerie.it.process.Clients;
import dev.menagerie.it.process.Ensemble;
import dev.menagerie.it.process.EnsembleLayout;
import dev.menagerie.it.process.EnsembleLoad;
import dev.menagerie.it.process.EnsembleMember;
import dev.menagerie.testing.Await;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;

/**
 * The client transport swapped (nio to netty and back, by editing zoo.cfg) on a follower and on the leader of a
 * running 3-server ensemble, then the bundle in use on the leader updated from the Gogo shell, while writers
 * pinned to every member create nodes and watchers on every member watch them. Counts acknowledged writes lost
 * (0), watch events missed (0), reconnects and the longest write pause per swap, and checks that the quorum
 * does not notice: the leader stays leader and nobody elects. Prints the table.
 * The members run on {@code storage=memory}, which the transport does not care about; so the test also shows a
 * memory ensemble serving under load, and a follower restarted at the end, having lost everything, brought back
 * by a snapshot from the leader with every acknowledged write.
 */
class TransportSwapUnderLoadTest {

    private static final List<String> JVM_FLAGS = List.of("-Xmx384m");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration SWAP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(60);
    /** Writing goes on this long after a swap is bound, so reconnected clients show they write again. */
    private static final Duration AFTER_SWAP = Duration.ofSeconds(2);
    private static final String PARENT = EnsembleLoad.PARENT;
    private static final int WRITERS_PER_MEMBER = 2;
    private static final int MAX_OPS = 200_000;
    private static final String ELECTED = "elected server";

    private record Row(String swap, Duration pinnedPause, Duration overallPause, int reconnects) {
    }

    @Test
    void swappingTheTransportOfAFollowerAndOfTheLeaderLosesNothingAndTheQuorumDoesNotNotice() throws Exception {
        EnsembleLayout layout = EnsembleLayout.of(3, 0, 1_000, 10, 3);
        Map<Integer, EnsembleMember.Impl> menagerie = Map.of(1, EnsembleMember.Impl.MENAGERIE,
                2, EnsembleMember.Impl.MENAGERIE, 3, EnsembleMember.Impl.MENAGERIE);
        try (Ensemble ensemble = Ensemble.startMixed(menagerie, layout, "transport-swap", JVM_FLAGS,
                id -> "storage=memory\n")) {
            ensemble.awaitWritable(START_TIMEOUT);
            int leader = ensemble.awaitLeader(START_TIMEOUT);
            int follower = ensemble.members().stream().map(EnsembleMember::id).filter(id -> id != leader)
                    .findFirst().orElseThrow();
            int bystander = ensemble.members().stream().map(EnsembleMember::id)
                    .filter(id -> id != leader && id != follower).findFirst().orElseThrow();
            try (ZooKeeper setup = Clients.connect(ensemble.connectString(), 30_000, START_TIMEOUT)) {
                EnsembleLoad.prepare(setup);
            }

            AckLedger ledger = new AckLedger();
            Map<Integer, EnsembleLoad> loads = new LinkedHashMap<>();
            Map<Integer, CreateWatcher> watchers = new LinkedHashMap<>();
            List<Row> rows = new ArrayList<>();
            try {
                for (EnsembleMember member : ensemble.members()) {
                    watchers.put(member.id(), new CreateWatcher(member.connectString(), PARENT, START_TIMEOUT));
                }
                for (EnsembleMember member : ensemble.members()) {
                    EnsembleLoad load = new EnsembleLoad(member.connectString(), ledger, "m" + member.id(), MAX_OPS,
                            Duration.ofMinutes(4));
                    loads.put(member.id(), load);
                    load.start(WRITERS_PER_MEMBER);
                }
                Await.until("every member's writers writing", CHECK_TIMEOUT,
                        () -> loads.values().stream().allMatch(load -> load.acknowledged() > 20) ? true : null);
                long electionsBefore = electionLines(ensemble);

                rows.add(swap(ensemble, loads, watchers, follower, "netty", "follower " + follower + ": nio -> netty"));
                rows.add(swap(ensemble, loads, watchers, leader, "netty", "leader " + leader + ": nio -> netty"));
                rows.add(swap(ensemble, loads, watchers, follower, "nio", "follower " + follower + ": netty -> nio"));
                rows.add(swap(ensemble, loads, watchers, leader, "nio", "leader " + leader + ": netty -> nio"));
                rows.add(updateBundle(ensemble, loads, watchers, leader, "dev.menagerie.transport.nio", "nio",
                        "leader " + leader + ": update of the nio bundle in use (Gogo update)"));

                assertEquals(leader, ensemble.awaitLeader(CHECK_TIMEOUT), "the leader stays leader through its swaps"
                        + ensemble.diagnostics());
                assertEquals(electionsBefore, electionLines(ensemble), "no member elected again"
                        + ensemble.diagnostics());
            } finally {
                for (EnsembleLoad load : loads.values()) {
                    load.stopAndAwait(CHECK_TIMEOUT);
                }
            }
            printTable(rows, ledger);
            for (EnsembleLoad load : loads.values()) {
                assertEquals(List.of(), load.unexpectedErrors());
            }
            checkWatches(watchers, ledger, bystander);
            checkNothingLost(ensemble, ledger);

            ensemble.restart(follower);
            ensemble.awaitOutputOf(follower, "Loading a snapshot as of", START_TIMEOUT);
            ensemble.awaitServing(follower, START_TIMEOUT);
            checkNothingLost(ensemble, ledger);
        }
    }

    /** Swaps member {@code id} to {@code type} by a live zoo.cfg edit; returns what the writers saw. */
    private static Row swap(Ensemble ensemble, Map<Integer, EnsembleLoad> loads,
            Map<Integer, CreateWatcher> watchers, int id, String type, String label)
            throws IOException, InterruptedException {
        EnsembleMember member = ensemble.member(id);
        return measure(ensemble, loads, watchers, id, type, label,
                () -> member.editLiveConfig("serverCnxnFactory=" + type + "\n"));
    }

    /**
     * Updates the bundle of the transport member {@code id} serves with ({@code update <id>} in its Gogo shell,
     * which reads the jar again): the service goes and comes back, and the server serves with it again.
     */
    private static Row updateBundle(Ensemble ensemble, Map<Integer, EnsembleLoad> loads,
            Map<Integer, CreateWatcher> watchers, int id, String bundle, String type, String label)
            throws IOException, InterruptedException {
        EnsembleMember member = ensemble.member(id);
        String bundleId = Operator.bundleId(member.configFile(), bundle);
        return measure(ensemble, loads, watchers, id, type, label,
                () -> Operator.shell(member.configFile(), "update " + bundleId));
    }

    /** Something that makes a member serve with another (or the same) transport. */
    @FunctionalInterface
    private interface Change {
        void run() throws IOException, InterruptedException;
    }

    /** Runs {@code change} with the writers' window open; waits until member {@code id} serves with {@code type}. */
    private static Row measure(Ensemble ensemble, Map<Integer, EnsembleLoad> loads,
            Map<Integer, CreateWatcher> watchers, int id, String type, String label, Change change)
            throws IOException, InterruptedException {
        EnsembleMember member = ensemble.member(id);
        String bound = "Clients are served by the " + type + " transport";
        long before = countLines(member, bound);
        int watcherDisconnectsBefore = watchers.values().stream().mapToInt(CreateWatcher::disconnects).sum();
        loads.values().forEach(EnsembleLoad::openWindow);
        change.run();
        Await.until(label + ": member " + id + " logs '" + bound + "'", SWAP_TIMEOUT,
                () -> countLines(member, bound) > before ? true : null);
        Thread.sleep(AFTER_SWAP.toMillis());
        Duration overall = loads.values().stream().map(EnsembleLoad::longestPause).max(Duration::compareTo)
                .orElseThrow();
        int reconnects = loads.values().stream().mapToInt(EnsembleLoad::disconnects).sum()
                + watchers.values().stream().mapToInt(CreateWatcher::disconnects).sum() - watcherDisconnectsBefore;
        return new Row(label, loads.get(id).longestPause(), overall, reconnects);
    }

    private static long countLines(EnsembleMember member, String text) {
        try {
            return Files.readAllLines(member.logFile()).stream().filter(line -> line.contains(text)).count();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + member.logFile() + ": " + e, e);
        }
    }

    private static long electionLines(Ensemble ensemble) {
        return ensemble.members().stream().mapToLong(member -> countLines(member, ELECTED)).sum();
    }

    private static void printTable(List<Row> rows, AckLedger ledger) {
        StringBuilder table = new StringBuilder("\nTransport swaps under load (" + ledger.creates().size()
                + " acknowledged creates in all)\n| swap | longest write pause, writers on the swapped member"
                + " | longest write pause, all writers | reconnects (writers and watchers) |\n|---|---|---|---|\n");
        for (Row row : rows) {
            table.append("| ").append(row.swap()).append(" | ").append(row.pinnedPause().toMillis()).append(" ms | ")
                    .append(row.overallPause().toMillis()).append(" ms | ").append(row.reconnects()).append(" |\n");
        }
        System.out.println(table);
    }

    /** Every acknowledged create is on every member with its data. */
    private static void checkNothingLost(Ensemble ensemble, AckLedger ledger) throws Exception {
        for (EnsembleMember member : ensemble.members()) {
            try (ZooKeeper client = ensemble.syncedClient(member.id(), CHECK_TIMEOUT)) {
                Set<String> children = new TreeSet<>(client.getChildren(PARENT, false));
                List<String> lost = new ArrayList<>();
                for (Map.Entry<String, AckLedger.Ack> ack : ledger.creates().entrySet()) {
                    String child = ack.getKey().substring(PARENT.length() + 1);
                    if (!children.contains(child)) {
                        lost.add(ack.getKey());
                    }
                }
                assertEquals(List.of(), lost, "acknowledged creates missing on member " + member.id());
                String sample = ledger.creates().keySet().iterator().next();
                assertArrayEquals(ledger.creates().get(sample).payload(), client.getData(sample, false, null));
            }
        }
    }

    /**
     * The watcher on the member never swapped kept its connection and was told of every create; the watchers on
     * swapped members reconnected, and their child watches still led them to every child.
     */
    private static void checkWatches(Map<Integer, CreateWatcher> watchers, AckLedger ledger, int bystander)
            throws KeeperException, InterruptedException {
        Set<String> acknowledged = ledger.creates().keySet();
        CreateWatcher steady = watchers.get(bystander);
        assertEquals(0, steady.disconnects(), "the watcher on member " + bystander + ", never swapped, kept its"
                + " connection");
        try {
            Await.until("member " + bystander + "'s persistent recursive watch reports every acknowledged create",
                    CHECK_TIMEOUT, () -> steady.missing(acknowledged).isEmpty() ? true : null);
        } catch (AssertionError notAll) {
            List<String> missing = steady.missing(acknowledged);
            throw new AssertionError(notAll.getMessage() + ": " + missing.size() + " of " + acknowledged.size()
                    + " missing, " + steady.created().size() + " reported, first missing "
                    + missing.subList(0, Math.min(10, missing.size())), notAll);
        }
        for (Map.Entry<Integer, CreateWatcher> watcher : watchers.entrySet()) {
            assertNull(watcher.getValue().failure(), "member " + watcher.getKey());
            Await.until("member " + watcher.getKey() + "'s child watch leads to every child", CHECK_TIMEOUT,
                    () -> watcher.getValue().lastChildCount() >= acknowledged.size() ? true : null);
            assertTrue(watcher.getValue().lastChildCount() >= acknowledged.size());
        }
        for (CreateWatcher watcher : watchers.values()) {
            watcher.close();
        }
    }
}
