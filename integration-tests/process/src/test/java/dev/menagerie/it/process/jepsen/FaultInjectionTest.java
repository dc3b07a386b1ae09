package dev.menagerie.it.process.jepsen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.it.process.Clients;
import dev.menagerie.it.process.Ensemble;
import dev.menagerie.it.process.EnsembleLayout;
import dev.menagerie.it.process.EnsembleMember;
import dev.menagerie.testing.linearizability.RegisterHistoryCheck;
import dev.menagerie.testing.linearizability.RegisterOp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;

/**
 * A Jepsen-style test against 5 servers of the distribution on 127.0.0.1: clients read, write and compare-and-set
 * registers, add to a set and create sequential nodes while a {@link Nemesis} kills and restarts, or pauses and
 * resumes, servers including the leader, partitions, isolates the leader, loses one direction of, bridges and slows
 * the network between them (each server reaches the others through a {@link NetworkProxy}) and slows a server's
 * disk. Then: every register's history is linearizable, every acknowledged set add is there and nothing that was
 * never added, sequential names are unique and grow with real time per parent.
 * The history, the fault schedule and the server logs stay under target/it-work/jepsen-*. By default it runs until
 * {@value #MIN_OPERATIONS} operations and {@value #MIN_FAULTS} faults (at least {@value #MIN_LOAD_SECONDS} s);
 * {@code -Djepsen.minutes=30} runs it for that long instead (docs/fault-injection.md). {@code -Djepsen.seed} repeats
 * the choices of a run (the timing of a real ensemble never repeats exactly), and
 * {@code -Dmenagerie.it.ensemble.impl=apache} runs it against Apache ZooKeeper 3.9.5.
 */
class FaultInjectionTest {

    private static final long SEED = Long.getLong("jepsen.seed", System.nanoTime());
    private static final double MINUTES = Double.parseDouble(System.getProperty("jepsen.minutes", "0"));
    private static final int MIN_OPERATIONS = 5_000;
    private static final int MIN_FAULTS = 10;
    private static final int MIN_LOAD_SECONDS = 30;
    /** How long the default run may load the ensemble before the test gives up on reaching its minimums. */
    private static final Duration DEFAULT_LOAD_BUDGET = Duration.ofSeconds(150);
    private static final int CLIENTS = 8;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration CLIENT_END_TIMEOUT = Duration.ofSeconds(30);
    private static final long MAX_STEPS_PER_KEY = 5_000_000;
    private static final long CHECK_BUDGET_NS = Duration.ofSeconds(60).toNanos();

    @Test
    void registersStayLinearizableAndAcknowledgedWritesSurviveProcessNetworkAndDiskFaults() throws Exception {
        System.out.println("FaultInjectionTest seed " + SEED + " (rerun with -Djepsen.seed=" + SEED + ")");
        Random random = new Random(SEED);
        EnsembleMember.Impl impl = EnsembleMember.Impl.fromSystemProperty();
        EnsembleLayout direct = EnsembleLayout.of(5, 0, 1_000, 10, 3);
        // Apache has no slow-disk hook; every other fault applies to both.
        Set<Nemesis.Kind> kinds = EnumSet.allOf(Nemesis.Kind.class);
        if (impl != EnsembleMember.Impl.MENAGERIE) {
            kinds.remove(Nemesis.Kind.SLOW_DISK);
        }
        try (NetworkProxy network = NetworkProxy.start(direct);
                Ensemble ensemble = Ensemble.start(impl, direct.withRoutes(network.routes()), "jepsen",
                        List.of("-Xmx384m", "-Dmenagerie.storage.faultControl=" + Nemesis.SLOW_DISK_CONTROL))) {
            ensemble.awaitLeader(START_TIMEOUT);
            ensemble.awaitWritable(START_TIMEOUT);
            ZooKeeper setup = Clients.connect(ensemble.connectString(), 30_000, START_TIMEOUT);
            try {
                Workload.createParents(setup);
            } finally {
                Clients.closeQuietly(setup);
            }
            long originNs = System.nanoTime();
            Workload workload = new Workload(ensemble.connectString(), originNs);
            Nemesis nemesis = new Nemesis(ensemble, network, random, originNs, () -> !workload.unexpected.isEmpty(),
                    kinds);
            List<Thread> clients = new ArrayList<>();
            for (int process = 1; process <= CLIENTS; process++) {
                clients.add(workload.start(process, random.nextLong()));
            }
            try {
                runFaults(workload, nemesis, originNs);
            } finally {
                workload.stop();
                for (Thread client : clients) {
                    client.join(CLIENT_END_TIMEOUT.toMillis());
                }
                // Kept even when a fault never healed: the schedule says what the servers went through.
                Files.write(ensemble.workDir().resolve("faults.txt"), nemesis.schedule());
                nemesis.healAll();
            }
            long loadMs = (System.nanoTime() - originNs) / 1_000_000;
            assertTrue(clients.stream().noneMatch(Thread::isAlive), "clients still running "
                    + CLIENT_END_TIMEOUT + " after the end of the load");
            ensemble.restoreAll(START_TIMEOUT);
            check(ensemble, workload, nemesis, originNs, loadMs);
        }
    }

    private static void runFaults(Workload workload, Nemesis nemesis, long originNs)
            throws IOException, InterruptedException {
        boolean timed = MINUTES > 0;
        long minLoadNs = timed ? (long) (MINUTES * 60e9) : Duration.ofSeconds(MIN_LOAD_SECONDS).toNanos();
        long budgetNs = timed ? minLoadNs + Duration.ofMinutes(2).toNanos() : DEFAULT_LOAD_BUDGET.toNanos();
        while (true) {
            long elapsedNs = System.nanoTime() - originNs;
            boolean enough = workload.invocations.get() >= MIN_OPERATIONS && nemesis.faults() >= MIN_FAULTS;
            if (elapsedNs >= minLoadNs && (enough || timed)) {
                return;
            }
            assertTrue(elapsedNs < budgetNs, "after " + elapsedNs / 1_000_000_000 + " s only "
                    + workload.invocations.get() + " operations and " + nemesis.faults() + " faults (want "
                    + MIN_OPERATIONS + " and " + MIN_FAULTS + "); seed " + SEED);
            nemesis.injectOne();
        }
    }

    private static void check(Ensemble ensemble, Workload workload, Nemesis nemesis, long originNs, long loadMs)
            throws IOException, InterruptedException, KeeperException {
        ZooKeeper reader = ensemble.syncedClient(ensemble.awaitLeader(START_TIMEOUT), START_TIMEOUT);
        Set<String> setContents;
        Set<String> sequentialNames = new HashSet<>();
        try {
            setContents = new HashSet<>();
            for (String group : reader.getChildren(Workload.SET, false)) {
                String groupPath = Workload.SET + "/" + group;
                reader.getChildren(groupPath, false).forEach(child -> setContents.add(groupPath + "/" + child));
            }
            for (String parent : reader.getChildren(Workload.SEQUENCES, false)) {
                String parentPath = Workload.SEQUENCES + "/" + parent;
                reader.getChildren(parentPath, false).forEach(child -> sequentialNames.add(parentPath + "/" + child));
            }
        } finally {
            Clients.closeQuietly(reader);
        }
        List<RegisterOp> history = new ArrayList<>(workload.registerOps);
        RegisterHistoryCheck.Report report = RegisterHistoryCheck.check(history, MAX_STEPS_PER_KEY,
                CHECK_BUDGET_NS, originNs);
        List<String> problems = new ArrayList<>(workload.unexpected);
        if (!report.allLinearizable()) {
            problems.add(report.describe());
        }
        workload.setAcknowledged.stream().filter(e -> !setContents.contains(e)).sorted()
                .forEach(e -> problems.add("acknowledged set add " + e + " is missing"));
        setContents.stream().filter(e -> !workload.setAttempted.contains(e)).sorted()
                .forEach(e -> problems.add("set element " + e + " was never added"));
        List<SequentialCreate> creates = new ArrayList<>(workload.sequentialCreates);
        problems.addAll(SequentialCreate.problems(creates));
        creates.stream().filter(c -> !sequentialNames.contains(c.name()))
                .forEach(c -> problems.add("acknowledged sequential node " + c.name() + " is missing"));
        Path saved = save(ensemble.workDir(), history, nemesis, workload, originNs, problems);
        System.out.printf("FaultInjectionTest: %d operations in %d ms (%d unknown outcomes), %d faults;"
                + " registers: %s; set: %d acknowledged, %d present; %d sequential creates acknowledged;"
                + " history and fault schedule in %s, server logs beside them%n", workload.invocations.get(),
                loadMs, workload.unknownOutcomes.get(), nemesis.faults(), report.describe().lines().findFirst()
                        .orElse(""), workload.setAcknowledged.size(), setContents.size(), creates.size(), saved);
        assertEquals(List.of(), problems, "seed " + SEED + "; history, fault schedule and server logs in "
                + saved);
        assertTrue(report.opsChecked() > 0 && !creates.isEmpty() && !workload.setAcknowledged.isEmpty(),
                "the clients got nothing acknowledged; seed " + SEED);
    }

    private static Path save(Path dir, List<RegisterOp> history, Nemesis nemesis, Workload workload, long originNs,
            List<String> problems) throws IOException {
        Files.write(dir.resolve("register-history.txt"), history.stream()
                .sorted(Comparator.comparingLong(RegisterOp::invokeNs)).map(op -> op.describe(originNs)).toList());
        Files.write(dir.resolve("faults.txt"), nemesis.schedule());
        Files.write(dir.resolve("sequential-creates.txt"), workload.sequentialCreates.stream()
                .map(c -> String.format("%s [%.3f .. %.3f ms]", c.name(), (c.invokeNs() - originNs) / 1e6,
                        (c.completeNs() - originNs) / 1e6)).toList());
        Files.write(dir.resolve("problems.txt"), problems);
        return dir;
    }
}
