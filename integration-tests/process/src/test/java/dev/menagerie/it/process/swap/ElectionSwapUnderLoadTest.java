package dev.menagerie.it.process.swap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.it.process.AckLedger;
import dev.menagerie.it.process.Clients;
import dev.menagerie.it.process.Distribution;
import dev.menagerie.it.process.Ensemble;
import dev.menagerie.it.process.EnsembleLayout;
import dev.menagerie.it.process.EnsembleLoad;
import dev.menagerie.it.process.EnsembleMember;
import dev.menagerie.it.process.ZkShell;
import dev.menagerie.testing.Await;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;

/**
 * The election algorithm switched fast -> priority -> fast through a running 3-server and 5-server ensemble, the
 * way docs/operations.md ("Switching the election algorithm") says: the same {@code electionPriority.N} lines
 * everywhere from the start, then each follower's zoo.cfg edited live, one at a time under the standing leader,
 * the leader last. After each full roll the leader is killed (SIGKILL), so the new algorithm elects, and restarted
 * (the 5-server run is lighter by default, see its test).
 * On the 3-server ensemble the priority bundle in use is also updated from the Gogo shell on a follower and on the
 * leader, a newer build of it is dropped into one member's deploy/ folder, and later the fle bundle in use is
 * updated on a follower. All the while writers pinned to
 * every member create nodes and a watcher on every member watches them (data, child and persistent recursive
 * watches). Each phase counts acknowledged writes lost (0), watch events missed by watchers that kept their
 * connection (0), reconnects and the longest write pause, and checks that every election chose the winner its
 * order demands. Prints the table.
 */
class ElectionSwapUnderLoadTest {

    /** zoo.cfg and deploy/ read every 250 ms instead of 2 s: each swap starts sooner, the pauses stay as they are. */
    private static final List<String> JVM_FLAGS = Distribution.testJvmFlags("-Xmx256m",
            "-Dmenagerie.config.pollMs=250", "-Dfelix.fileinstall.poll=250");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration PHASE_TIMEOUT = Duration.ofSeconds(60);
    private static final String PARENT = EnsembleLoad.PARENT;
    private static final int MAX_OPS = 50_000;
    private static final Duration MAX_LOAD = Duration.ofMinutes(5);
    /** Acknowledged creates each running member's writers must add after a phase: they write again. */
    private static final int WRITES_AFTER = 10;
    private static final String ELECTION_DONE = "Election done in";
    private static final String PRIORITY_BOUND = "elects by priority";
    private static final String PEER_RESTART = "Quorum peer restarting with a new quorum peer factory";
    private static final String PRIORITY_BUNDLE = "dev.menagerie.election.priority";
    private static final String FAST_BUNDLE = "dev.menagerie.election.fle";
    /** The switch that puts the 5-server roll under the 3-server test's full load. */
    static final String FULL_LOAD = "menagerie.it.electionSwap.fullLoad";
    /** The key of the one writer on the full connect string, who is pinned to no member. */
    private static final int ANY_MEMBER = 0;

    @Test
    void switchingTheElectionThroughThreeServersUnderLoadLosesNothing() throws Exception {
        try (Roll roll = Roll.start(3, Load.PINNED)) {
            roll.rollTo("priority");
            roll.killAndRestartLeader();
            roll.updateElectionBundle(false);
            roll.updateElectionBundle(true);
            roll.deployNewerPriorityBundle();
            roll.rollTo("fast");
            roll.updateElectionBundle(false);
            roll.killAndRestartLeader();
            roll.finish();
        }
    }

    /**
     * Five servers: the same roll. Five JVMs on a shared 2-core machine take long to start and restart, so the
     * default run keeps it light: one writer on the full connect string instead of one pinned to each member (the
     * watchers stay on every member), lost writes looked for on the changed member after each phase and on every
     * member at the end, and one leader kill, after the roll back to fast, without the restart (the
     * 3-server test restarts its killed members; the election under priority is checked where the leader switches,
     * which is a fresh election among members that all use priority). {@code -D}{@value #FULL_LOAD}{@code =true}
     * runs it as the 3-server test: a writer pinned to each member, a kill after each roll, each followed by a
     * restart.
     */
    @Test
    void switchingTheElectionThroughFiveServersUnderLoadLosesNothing() throws Exception {
        boolean full = Boolean.getBoolean(FULL_LOAD);
        try (Roll roll = Roll.start(5, full ? Load.PINNED : Load.ONE_WRITER)) {
            roll.rollTo("priority");
            if (full) {
                roll.killAndRestartLeader();
            }
            roll.rollTo("fast");
            if (full) {
                roll.killAndRestartLeader();
            } else {
                roll.killLeader();
            }
            roll.finish();
        }
    }

    /** How many of the lines that tell a member's election changed its log has. */
    private record LogCounts(long elections, long priorityBound, long restarts) {
        static LogCounts of(EnsembleMember member) {
            return new LogCounts(ElectionLog.count(member, ELECTION_DONE), ElectionLog.count(member, PRIORITY_BOUND),
                    ElectionLog.count(member, PEER_RESTART));
        }
    }

    /** Who writes: a writer pinned to every member, or one writer on the full connect string. */
    private enum Load {
        PINNED, ONE_WRITER
    }

    /** One row of the table. */
    private record Row(String phase, String changedPause, long othersPauseMs, int reconnects, int lost,
            String missed, String outcome) {
    }

    /** Something that changes the ensemble: an edit, a kill, a shell command. */
    @FunctionalInterface
    private interface Change {
        void run() throws Exception;
    }

    /** Waits until the change has had its effect; returns what the election did ("" if none ran). */
    @FunctionalInterface
    private interface Effect {
        String await() throws Exception;
    }

    /** An ensemble under load and what its phases measured. */
    private static final class Roll implements AutoCloseable {

        private final int size;
        private final Ensemble ensemble;
        private final String baseConfig;
        private final Map<Integer, Integer> priorities;
        private final AckLedger ledger = new AckLedger();
        private final Map<Integer, EnsembleLoad> loads = new LinkedHashMap<>();
        private final Map<Integer, CreateWatcher> watchers = new LinkedHashMap<>();
        private final List<Row> rows = new ArrayList<>();
        /** Members down on purpose: their writers and watcher wait. */
        private final Set<Integer> down = new HashSet<>();
        private final long startedNs = System.nanoTime();
        private final boolean light;
        private String type = "fast";
        private boolean printed;

        private Roll(int size, Load load, Ensemble ensemble, String baseConfig, Map<Integer, Integer> priorities) {
            this.size = size;
            this.light = load == Load.ONE_WRITER;
            this.ensemble = ensemble;
            this.baseConfig = baseConfig;
            this.priorities = priorities;
        }

        /** Starts {@code size} servers on fast election and memory storage, then the writers and watchers. */
        static Roll start(int size, Load load) throws Exception {
            Map<Integer, EnsembleMember.Impl> impls = new LinkedHashMap<>();
            Map<Integer, Integer> priorities = new LinkedHashMap<>();
            // tickTime 500 caps sessions at 10 s by default; the clients' 30 s sessions outlive a killed member's
            // restart, so its writers and watcher resume them (with their watches) instead of starting anew
            StringBuilder base = new StringBuilder("storage=memory\nmaxSessionTimeout=30000\n");
            for (int id = 1; id <= size; id++) {
                impls.put(id, EnsembleMember.Impl.MENAGERIE);
                // The lowest id is preferred: the opposite of fast's tie-break, so the two orders disagree.
                priorities.put(id, (size + 1 - id) * 10);
                base.append("electionPriority.").append(id).append('=').append(priorities.get(id)).append('\n');
            }
            Ensemble ensemble = Ensemble.startMixed(impls, EnsembleLayout.of(size, 0, 500, 10, 5),
                    "election-swap-" + size, JVM_FLAGS, id -> base + "electionType=fast\n");
            Roll roll = new Roll(size, load, ensemble, base.toString(), priorities);
            try {
                roll.startLoad(load);
            } catch (Exception | AssertionError e) {
                roll.close();
                throw e;
            }
            return roll;
        }

        private void startLoad(Load load) throws Exception {
            ensemble.awaitWritable(START_TIMEOUT);
            ensemble.awaitLeader(START_TIMEOUT);
            try (ZooKeeper setup = Clients.connect(ensemble.connectString(), 30_000, START_TIMEOUT)) {
                EnsembleLoad.prepare(setup);
            }
            for (EnsembleMember member : ensemble.members()) {
                watchers.put(member.id(), new CreateWatcher(member.connectString(), PARENT, START_TIMEOUT));
            }
            if (load == Load.PINNED) {
                for (EnsembleMember member : ensemble.members()) {
                    loads.put(member.id(), new EnsembleLoad(member.connectString(), ledger, "m" + member.id(),
                            MAX_OPS, MAX_LOAD));
                }
            } else {
                loads.put(ANY_MEMBER, new EnsembleLoad(ensemble.connectString(), ledger, "any", MAX_OPS, MAX_LOAD));
            }
            loads.values().forEach(writers -> writers.start(1));
            Await.until("every member's writers writing", PHASE_TIMEOUT,
                    () -> loads.values().stream().allMatch(writers -> writers.acknowledged() > WRITES_AFTER) ? true
                            : null);
        }

        private String label(String what) {
            return size + " servers, " + what;
        }

        /** The documented roll: each follower in turn under the standing leader, then the leader. */
        void rollTo(String newType) throws Exception {
            int leader = ensemble.awaitLeader(PHASE_TIMEOUT);
            for (EnsembleMember member : ensemble.members()) {
                int id = member.id();
                if (id == leader) {
                    continue;
                }
                LogCounts before = LogCounts.of(member);
                phase(label("follower " + id + ": " + type + " -> " + newType), id, () -> setType(id, newType),
                        () -> {
                            awaitNewElection(member, newType, before);
                            ensemble.awaitMode(id, "follower", PHASE_TIMEOUT);
                            assertEquals(leader, ensemble.awaitLeader(PHASE_TIMEOUT),
                                    "a follower switching its election rejoins the standing leader"
                                            + ensemble.diagnostics());
                            return "rejoined leader " + leader;
                        });
            }
            EnsembleMember old = ensemble.member(leader);
            LogCounts before = LogCounts.of(old);
            Map<Integer, Long> marks = marks();
            String from = type;
            phase(label("leader " + leader + ": " + from + " -> " + newType), leader, () -> setType(leader, newType),
                    () -> {
                        awaitNewElection(old, newType, before);
                        return electedAmong(marks, newType);
                    });
            type = newType;
        }

        /** Kills the leader, checks what the current algorithm elects, restarts the killed member as a follower. */
        void killAndRestartLeader() throws Exception {
            int leader = killLeader();
            int newLeader = ensemble.awaitLeader(PHASE_TIMEOUT);
            phase(label("restart of server " + leader), leader, () -> {
                ensemble.restart(leader);
                down.remove(leader);
            }, () -> {
                ensemble.awaitMode(leader, "follower", START_TIMEOUT);
                assertEquals(newLeader, ensemble.awaitLeader(PHASE_TIMEOUT),
                        "the restarted server follows the standing leader" + ensemble.diagnostics());
                return "rejoined leader " + newLeader;
            });
        }

        /** Kills the leader (SIGKILL) and checks what the current algorithm elects; returns the killed member. */
        int killLeader() throws Exception {
            int leader = ensemble.awaitLeader(PHASE_TIMEOUT);
            Map<Integer, Long> marks = marks();
            marks.remove(leader);
            phase(label("kill -9 of leader " + leader + " under " + type), leader, () -> {
                down.add(leader);
                ensemble.kill(leader);
            }, () -> electedAmong(marks, type));
            assertNotEquals(leader, ensemble.awaitLeader(PHASE_TIMEOUT));
            return leader;
        }

        /**
         * {@code update <id>} of the bundle of the election in use (priority or fle), on a follower or on the leader:
         * its election service goes and comes back, and the quorum peer factory, which holds it as a static
         * reference, restarts with the peer. On the leader that ends its leadership: the ensemble elects again.
         */
        void updateElectionBundle(boolean onLeader) throws Exception {
            int leader = ensemble.awaitLeader(PHASE_TIMEOUT);
            int id = onLeader ? leader : ensemble.members().stream().map(EnsembleMember::id)
                    .filter(m -> m != leader).findFirst().orElseThrow();
            EnsembleMember member = ensemble.member(id);
            String bundle = type.equals("priority") ? PRIORITY_BUNDLE : FAST_BUNDLE;
            String bundleId = bundleIds(member, bundle).get(0);
            LogCounts before = LogCounts.of(member);
            Map<Integer, Long> marks = marks();
            phase(label((onLeader ? "leader " : "follower ") + id + ": Gogo update of the " + type + " bundle"), id,
                    () -> shell(member, "update " + bundleId), () -> {
                        awaitNewElection(member, type, before);
                        if (bundle.equals(FAST_BUNDLE)) {
                            // the priority bundle imports the fle bundle's spi package: it must survive the update
                            String strategies = strategies(member);
                            assertTrue(Pattern.compile("priority\\s+" + Pattern.quote(PRIORITY_BUNDLE) + " ")
                                    .matcher(strategies).find(), "priority still installed: " + strategies);
                        }
                        if (!onLeader) {
                            ensemble.awaitMode(id, "follower", PHASE_TIMEOUT);
                            assertEquals(leader, ensemble.awaitLeader(PHASE_TIMEOUT), ensemble.diagnostics());
                            return "rejoined leader " + leader;
                        }
                        return electedAmong(marks, type);
                    });
        }

        /**
         * A build of the priority bundle with a higher Bundle-Version dropped into a follower's deploy/ folder.
         * FileInstall installs and starts it next to the shipped one (another location, another version); the
         * election stays bound to the shipped one, as Declarative Services keeps a static reference to a service
         * while it stays. Uninstalling the shipped bundle then moves the member to the newer one, restarting its
         * quorum peer, which rejoins the standing leader.
         */
        void deployNewerPriorityBundle() throws Exception {
            int leader = ensemble.awaitLeader(PHASE_TIMEOUT);
            int id = ensemble.members().stream().map(EnsembleMember::id).filter(m -> m != leader)
                    .reduce((a, b) -> b).orElseThrow();
            EnsembleMember member = ensemble.member(id);
            List<String> shipped = bundleIds(member, PRIORITY_BUNDLE);
            assertEquals(1, shipped.size(), "one priority bundle before the drop");
            LogCounts before = LogCounts.of(member);
            String newer = PRIORITY_BUNDLE + " " + NewerBundle.NEWER_VERSION;
            phase(label("follower " + id + ": newer priority bundle dropped into deploy/, shipped one uninstalled"), id,
                    () -> {
                        NewerBundle.deploy(PRIORITY_BUNDLE, NewerBundle.NEWER_VERSION, member.deployDir());
                        Await.until("member " + id + " lists " + newer + " as an installed election", PHASE_TIMEOUT,
                                () -> strategies(member).contains(newer) ? true : null);
                        assertEquals(before.elections(), ElectionLog.count(member, ELECTION_DONE),
                                "installing a second provider of the bound type leaves the quorum peer alone");
                        shell(member, "uninstall " + shipped.get(0));
                    }, () -> {
                        awaitNewElection(member, type, before);
                        ensemble.awaitMode(id, "follower", PHASE_TIMEOUT);
                        assertEquals(leader, ensemble.awaitLeader(PHASE_TIMEOUT), ensemble.diagnostics());
                        String strategies = strategies(member);
                        assertTrue(strategies.contains("selected priority, bound priority")
                                && strategies.contains(newer) && !strategies.contains(PRIORITY_BUNDLE + " 1.0.0"),
                                "only the newer bundle provides priority, and it is bound: " + strategies);
                        return "rejoined leader " + leader + " with " + newer;
                    });
        }

        private static String strategies(EnsembleMember member) {
            return shell(member, "menagerie:strategies");
        }

        /** The ids {@code lb -s} lists for bundles named {@code symbolicName} on the member. */
        private static List<String> bundleIds(EnsembleMember member, String symbolicName) {
            Matcher row = Pattern.compile("(?m)^\\s*(\\d+)\\|.*" + Pattern.quote(symbolicName))
                    .matcher(shell(member, "lb -s " + symbolicName));
            List<String> ids = new ArrayList<>();
            while (row.find()) {
                ids.add(row.group(1));
            }
            return ids;
        }

        /** What the member's Gogo shell answers to {@code command}. */
        private static String shell(EnsembleMember member, String command) {
            try {
                return ZkShell.run(member.configFile(), PHASE_TIMEOUT, command);
            } catch (IOException e) {
                throw new IllegalStateException("zkServer.sh shell: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }

        private void setType(int id, String newType) throws IOException {
            EnsembleMember member = ensemble.member(id);
            // also the zoo.cfg of its next start, so a restarted member keeps the type
            member.setExtraConfig(baseConfig + "electionType=" + newType + "\n");
            member.editLiveConfig("");
        }

        /** The member restarted its quorum peer and ran a new election, with the priority bundle if that is the type. */
        private void awaitNewElection(EnsembleMember member, String newType, LogCounts before) {
            Await.until("server " + member.id() + " elects again after its election changed", PHASE_TIMEOUT,
                    () -> ElectionLog.count(member, ELECTION_DONE) > before.elections() ? true : null);
            assertTrue(ElectionLog.count(member, PEER_RESTART) > before.restarts(), "server " + member.id()
                    + " logged no '" + PEER_RESTART + "' line");
            if (newType.equals("priority")) {
                assertTrue(ElectionLog.count(member, PRIORITY_BOUND) > before.priorityBound(), "server " + member.id()
                        + " logged no '" + PRIORITY_BOUND + "' line for its new election");
            }
        }

        private Map<Integer, Long> marks() {
            Map<Integer, Long> marks = new LinkedHashMap<>();
            ensemble.members().stream().filter(m -> !down.contains(m.id()))
                    .forEach(m -> marks.put(m.id(), ElectionLog.mark(m)));
            return marks;
        }

        /**
         * Waits for a fresh election among the members in {@code marks} to end with every one of them serving,
         * then checks its winner against the algorithm's order; returns who won and why.
         */
        private String electedAmong(Map<Integer, Long> marks, String electionType) throws InterruptedException {
            int winner = ensemble.awaitLeader(PHASE_TIMEOUT);
            for (int id : marks.keySet()) {
                ensemble.awaitServing(id, PHASE_TIMEOUT);
            }
            Map<Integer, ElectionLog.Round> rounds = Await.until("every member logs the round it ended",
                    PHASE_TIMEOUT, () -> {
                        Map<Integer, ElectionLog.Round> found = new LinkedHashMap<>();
                        marks.forEach((id, mark) -> found.put(id, ElectionLog.lastRound(ensemble.member(id), mark)));
                        return found.values().stream().allMatch(r -> r != null && r.leader() == winner) ? found
                                : null;
                    });
            String why = ElectionLog.checkWinner(winner, rounds.values(),
                    electionType.equals("priority") ? priorities : Map.of());
            return "server " + winner + " elected (" + why + ")";
        }

        /** Runs one change with the writers' window open and records its row; asserts nothing was lost or missed. */
        private void phase(String label, int changed, Change change, Effect effect) throws Exception {
            Set<String> ackedBefore = Set.copyOf(ledger.creates().keySet());
            Set<Integer> downBefore = Set.copyOf(down);
            Map<Integer, Integer> watcherDrops = new LinkedHashMap<>();
            watchers.forEach((id, watcher) -> watcherDrops.put(id, watcher.disconnects()));
            loads.values().forEach(EnsembleLoad::openWindow);
            long phaseStart = System.nanoTime();
            change.run();
            String outcome = effect.await();
            Map<Integer, Long> acked = new LinkedHashMap<>();
            running(loads).forEach((id, load) -> acked.put(id, load.acknowledged()));
            Await.until(label + ": the writers of every running member write again", PHASE_TIMEOUT,
                    () -> acked.entrySet().stream().allMatch(e -> loads.get(e.getKey()).acknowledged()
                            >= e.getValue() + WRITES_AFTER) ? true : null);
            long othersPause = running(loads).entrySet().stream().filter(e -> e.getKey() != changed)
                    .mapToLong(e -> e.getValue().longestPause().toMillis()).max().orElse(0);
            String changedPause = down.contains(changed) ? "down" : !loads.containsKey(changed) ? "none pinned"
                    : loads.get(changed).longestPause().toMillis() + " ms";
            int reconnects = loads.values().stream().mapToInt(EnsembleLoad::disconnects).sum()
                    + watchers.entrySet().stream().mapToInt(e -> e.getValue().disconnects()
                            - watcherDrops.get(e.getKey())).sum();
            // Under the light load only the changed member is checked after each phase; all are at the end.
            int lost = lostCreates(light && !down.contains(changed) ? Set.of(changed) : running(watchers).keySet());
            String missed = missedEvents(ackedBefore, downBefore, watcherDrops);
            rows.add(new Row(label + " (" + (System.nanoTime() - phaseStart) / 1_000_000 + " ms)", changedPause,
                    othersPause, reconnects, lost, missed, outcome));
            assertEquals(0, lost, label + ": acknowledged creates lost" + ensemble.diagnostics());
        }

        private <T> Map<Integer, T> running(Map<Integer, T> byMember) {
            return byMember.entrySet().stream().filter(e -> !down.contains(e.getKey()))
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        }

        /** The most acknowledged creates missing on one of {@code members}, after a sync through it. */
        private int lostCreates(Set<Integer> members) throws Exception {
            int lost = 0;
            for (int id : members) {
                // only what was acknowledged before the sync must show: the writers go on meanwhile
                Map<String, AckLedger.Ack> acked = Map.copyOf(ledger.creates());
                try (ZooKeeper client = ensemble.syncedClient(id, PHASE_TIMEOUT)) {
                    Set<String> children = new TreeSet<>(client.getChildren(PARENT, false));
                    List<String> missing = acked.entrySet().stream()
                            .filter(e -> !children.contains(e.getKey().substring(PARENT.length() + 1)))
                            .map(e -> e.getKey() + "@0x" + Long.toHexString(e.getValue().zxid())).sorted().toList();
                    if (!missing.isEmpty()) {
                        System.out.println("member " + id + " lacks " + missing.size() + " acknowledged creates: "
                                + missing.subList(0, Math.min(20, missing.size())));
                    }
                    lost = Math.max(lost, missing.size());
                }
            }
            return lost;
        }

        /**
         * Watchers that kept their connection through the phase must have been told of every create acknowledged
         * in it (asserted); those that reconnected may miss what happened while they were away (a persistent
         * watch is set again on the new connection, but ZooKeeper does not replay what it missed), which is
         * counted. Every watcher's child watch must lead to every child.
         */
        private String missedEvents(Set<String> ackedBefore, Set<Integer> downBefore,
                Map<Integer, Integer> watcherDrops) {
            Set<String> acked = Set.copyOf(ledger.creates().keySet());
            Set<String> inPhase = acked.stream().filter(path -> !ackedBefore.contains(path))
                    .collect(Collectors.toSet());
            int steady = 0;
            long missedByReconnected = 0;
            for (Map.Entry<Integer, CreateWatcher> entry : running(watchers).entrySet()) {
                CreateWatcher watcher = entry.getValue();
                assertNull(watcher.failure(), "watcher on member " + entry.getKey());
                Await.until("member " + entry.getKey() + "'s child watch leads to every child", PHASE_TIMEOUT,
                        () -> watcher.lastChildCount() >= acked.size() ? true : null);
                if (!downBefore.contains(entry.getKey())
                        && watcher.disconnects() == watcherDrops.get(entry.getKey())) {
                    steady++;
                    Await.until(() -> "the steady watcher on member " + entry.getKey() + " reports every create: "
                            + watcher.missing(inPhase).size() + " missing", PHASE_TIMEOUT,
                            () -> watcher.missing(inPhase).isEmpty() ? true : null);
                } else {
                    missedByReconnected += watcher.missing(inPhase).size();
                }
            }
            return "0 of " + steady + " steady" + (missedByReconnected == 0 ? ""
                    : "; reconnected watchers: " + missedByReconnected + " recursive events");
        }

        /** Stops the load, checks the whole ledger everywhere, prints the table. */
        void finish() throws Exception {
            for (EnsembleLoad load : loads.values()) {
                load.stopAndAwait(PHASE_TIMEOUT);
            }
            for (EnsembleLoad load : loads.values()) {
                assertEquals(List.of(), load.unexpectedErrors());
            }
            for (int id : running(watchers).keySet()) {
                ensemble.awaitServing(id, PHASE_TIMEOUT);
            }
            assertEquals(0, lostCreates(running(watchers).keySet()), "acknowledged creates lost" + ensemble.diagnostics());
            printTable();
        }

        private void printTable() {
            printed = true;
            StringBuilder table = new StringBuilder("\nElection swaps under load, ").append(size)
                    .append(" servers (").append(ledger.creates().size()).append(" acknowledged creates in ")
                    .append((System.nanoTime() - startedNs) / 1_000_000_000).append(" s)\n")
                    .append("| phase | longest write pause, writers on the changed member | longest write pause,"
                            + " other writers | reconnects (writers and watchers) | lost | missed watch events"
                            + " | election |\n|---|---|---|---|---|---|---|\n");
            for (Row row : rows) {
                table.append("| ").append(row.phase()).append(" | ").append(row.changedPause()).append(" | ")
                        .append(row.othersPauseMs()).append(" ms | ").append(row.reconnects()).append(" | ")
                        .append(row.lost()).append(" | ").append(row.missed()).append(" | ").append(row.outcome())
                        .append(" |\n");
            }
            System.out.println(table);
        }

        @Override
        public void close() throws Exception {
            for (EnsembleLoad load : loads.values()) {
                load.stop();
            }
            for (CreateWatcher watcher : watchers.values()) {
                watcher.close();
            }
            if (!printed && !rows.isEmpty()) {
                printTable(); // what the phases before a failure measured
            }
            ensemble.close();
        }
    }
}
