package dev.menagerie.it.process.bench;

import dev.menagerie.it.process.Clients;
import dev.menagerie.it.process.Ensemble;
import dev.menagerie.it.process.EnsembleLayout;
import dev.menagerie.it.process.EnsembleMember;
import dev.menagerie.it.process.Stats;
import dev.menagerie.it.process.WriteProbe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.stream.Stream;
import org.apache.zookeeper.ZooKeeper;

/**
 * A 3-server Apache ZooKeeper 3.9.5 ensemble and a 3-server Menagerie ensemble, one after the other on this
 * machine, same JVM flags, forceSync on: write throughput (create, setData) from 1 and 32 client threads connected
 * to the leader and to the followers, read throughput from clients spread over all servers, and the failover time
 * (leader SIGKILL to the first acknowledged write through the full connect string). Run by bench-ensemble.sh;
 * settings are system properties: bench.writeOps (20000), bench.readOps (100000), bench.window (8),
 * bench.threads ("1,32"), bench.maxPhaseSeconds (30), bench.failovers (5), bench.tickTime (2000),
 * bench.jvmFlags ("-Xmx1g"), bench.servers ("apache,menagerie"), bench.keep (false).
 */
public final class EnsembleBenchmark {

    private static final long WRITE_OPS = Long.getLong("bench.writeOps", 20_000);
    private static final long READ_OPS = Long.getLong("bench.readOps", 100_000);
    private static final int WINDOW = Integer.getInteger("bench.window", 8);
    private static final int[] THREADS = Arrays.stream(System.getProperty("bench.threads", "1,32").split(","))
            .mapToInt(s -> Integer.parseInt(s.trim())).toArray();
    private static final Duration MAX_PHASE = Duration.ofSeconds(Long.getLong("bench.maxPhaseSeconds", 30));
    private static final int FAILOVERS = Integer.getInteger("bench.failovers", 5);
    private static final int TICK_MS = Integer.getInteger("bench.tickTime", 2_000);
    private static final List<String> JVM_FLAGS =
            List.of(System.getProperty("bench.jvmFlags", "-Xmx1g").trim().split("\\s+"));
    private static final List<String> SERVERS = List.of(System.getProperty("bench.servers", "apache,menagerie")
            .split(","));
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration FAILOVER_TIMEOUT = Duration.ofSeconds(90);

    private final BenchTable table = new BenchTable(SERVERS);

    private EnsembleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.printf("settings: writeOps=%d readOps=%d window=%d threads=%s failovers=%d tickTime=%d jvm=%s%n",
                WRITE_OPS, READ_OPS, WINDOW, Arrays.toString(THREADS), FAILOVERS, TICK_MS, JVM_FLAGS);
        EnsembleBenchmark bench = new EnsembleBenchmark();
        for (String server : SERVERS) {
            try {
                bench.run(server.trim());
            } catch (RuntimeException failed) {
                // One ensemble that cannot start or fail over must not hide the other's numbers.
                System.out.println(server + " FAILED (its rows show '-'; work folder kept): " + failed.getMessage());
            }
        }
        bench.table.print();
    }

    private void run(String kind) throws Exception {
        EnsembleMember.Impl impl = EnsembleMember.Impl.valueOf(kind.toUpperCase(Locale.ROOT));
        EnsembleLayout layout = EnsembleLayout.of(3, 0, TICK_MS, 10, 5);
        Path workDir;
        try (Ensemble ensemble = Ensemble.start(impl, layout, "bench-ensemble", JVM_FLAGS)) {
            workDir = ensemble.workDir();
            ensemble.awaitWritable(START_TIMEOUT);
            int leader = ensemble.awaitLeader(START_TIMEOUT);
            ZooKeeper setup = Clients.connect(ensemble.member(leader).connectString(), 30_000,
                    Duration.ofSeconds(30));
            try {
                Workloads.prepare(setup);
            } finally {
                Clients.closeQuietly(setup);
            }
            List<String> all = addresses(ensemble, id -> true);
            List<String> followers = addresses(ensemble, id -> id != leader);
            List<String> leaderOnly = addresses(ensemble, id -> id == leader);
            measure(kind, "warm-up (not shown)", all, 32, WRITE_OPS / 4, Workloads.create("warm"), false);
            for (int threads : THREADS) {
                for (Map.Entry<String, List<String>> target : Map.of("leader", leaderOnly, "followers", followers)
                        .entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
                    String via = threads + " thr via " + target.getKey();
                    measure(kind, "create, " + via, target.getValue(), threads, WRITE_OPS,
                            Workloads.create("t" + threads + target.getKey()), true);
                    measure(kind, "setData, " + via, target.getValue(), threads, WRITE_OPS, Workloads.setData(),
                            true);
                }
                measure(kind, "getData, " + threads + " thr via all", all, threads, READ_OPS, Workloads.getData(),
                        true);
            }
            failovers(kind, ensemble);
        }
        deleteTree(workDir);
    }

    private static List<String> addresses(Ensemble ensemble, IntPredicate which) {
        return ensemble.members().stream().filter(m -> which.test(m.id())).map(EnsembleMember::connectString)
                .toList();
    }

    /** Client i connects to {@code servers[i % n]} alone, so the phase loads exactly those servers. */
    private void measure(String kind, String phase, List<String> servers, int threads, long ops,
            LoadPhase.Request request, boolean record) throws Exception {
        List<ZooKeeper> clients = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                clients.add(Clients.connect(servers.get(i % servers.size()), 30_000, Duration.ofSeconds(30)));
            }
            LoadPhase.Result result = LoadPhase.run(clients, ops, WINDOW, MAX_PHASE, request);
            System.out.printf("%-10s %-34s %8d ops %6.1f s %9.0f ops/s  p50 %6d us  p99 %7d us  errors %d%n",
                    kind, phase, result.ops(), result.seconds(), result.opsPerSecond(), result.p50Micros(),
                    result.p99Micros(), result.errors());
            if (record) {
                table.put(phase + " ops/s", kind, result.opsPerSecond(), "%.0f");
                table.put(phase + " p99 ms", kind, result.p99Micros() / 1000.0, "%.2f");
            }
        } finally {
            for (ZooKeeper client : clients) {
                Clients.closeQuietly(client);
            }
        }
    }

    /** Kills the leader {@link #FAILOVERS} times; each time measures kill to first acknowledged write. */
    private void failovers(String kind, Ensemble ensemble) throws Exception {
        List<Long> millis = new ArrayList<>();
        try (WriteProbe probe = new WriteProbe(ensemble.connectString())) {
            for (int i = 1; i <= FAILOVERS; i++) {
                ensemble.awaitWritable(FAILOVER_TIMEOUT);
                if (probe.awaitWrite(FAILOVER_TIMEOUT) == null) {
                    throw new IllegalStateException("no write before failover " + i + ": " + probe.lastFailure());
                }
                int leader = ensemble.awaitLeader(FAILOVER_TIMEOUT);
                long killedNs = System.nanoTime();
                ensemble.kill(leader);
                if (probe.awaitWrite(FAILOVER_TIMEOUT) == null) {
                    throw new IllegalStateException("no write within " + FAILOVER_TIMEOUT + " after killing leader "
                            + leader + ": " + probe.lastFailure() + ensemble.diagnostics());
                }
                long ms = (System.nanoTime() - killedNs) / 1_000_000;
                millis.add(ms);
                System.out.printf("%-10s failover %d: killed leader %d, first write after %d ms%n", kind, i, leader,
                        ms);
                ensemble.restart(leader);
                ensemble.awaitServing(leader, START_TIMEOUT);
            }
        }
        System.out.println(kind + " failover: " + Stats.summary(millis));
        table.put("failover median ms", kind, Stats.median(millis), "%.0f");
        table.put("failover max ms", kind, Stats.max(millis), "%.0f");
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Boolean.getBoolean("bench.keep") || dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** Rows of phase results per server, printed with the ratio of the second server to the first. */
    private static final class BenchTable {

        private final List<String> servers;
        private final Map<String, Map<String, Double>> numbers = new LinkedHashMap<>();
        private final Map<String, String> formats = new LinkedHashMap<>();

        BenchTable(List<String> servers) {
            this.servers = servers.stream().map(String::trim).toList();
        }

        void put(String row, String server, double value, String format) {
            numbers.computeIfAbsent(row, r -> new LinkedHashMap<>()).put(server, value);
            formats.put(row, format);
        }

        void print() {
            System.out.println();
            StringBuilder header = new StringBuilder(String.format("%-44s", "3-server ensemble"));
            servers.forEach(s -> header.append(String.format("%12s", s)));
            if (servers.size() == 2) {
                header.append(String.format("%22s", servers.get(1) + "/" + servers.get(0)));
            }
            System.out.println(header);
            numbers.forEach((row, values) -> {
                StringBuilder line = new StringBuilder(String.format("%-44s", row));
                servers.forEach(s -> line.append(String.format("%12s", values.containsKey(s)
                        ? String.format(formats.get(row), values.get(s)) : "-")));
                if (servers.size() == 2 && values.containsKey(servers.get(0)) && values.containsKey(servers.get(1))) {
                    line.append(String.format("%22.2f", values.get(servers.get(1)) / values.get(servers.get(0))));
                }
                System.out.println(line);
            });
        }
    }
}
