package dev.menagerie.it.process.bench;

import dev.menagerie.it.process.ApacheServer;
import dev.menagerie.it.process.Clients;
import dev.menagerie.it.process.Distribution;
import dev.menagerie.it.process.MenagerieServer;
import dev.menagerie.it.process.ServerProcess;
import dev.menagerie.testing.FreePorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.zookeeper.ZooKeeper;

/**
 * Menagerie against Apache ZooKeeper 3.9.5, standalone, one server at a time on this machine, same JVM flags,
 * forceSync on, each with a fresh data directory under the same folder: write and read throughput from 1 and 32
 * client threads, then start-up time with many znodes. Run by bench.sh; settings are system properties:
 * bench.writeOps (20000), bench.readOps (100000), bench.window (8 requests in flight per client),
 * bench.threads ("1,32"), bench.maxPhaseSeconds (60), bench.znodes ("100000,1000000"),
 * bench.maxPopulateSeconds (600), bench.jvmFlags ("-Xmx3g"), bench.servers ("apache,menagerie"; also
 * "menagerie-nometrics", Menagerie with Apache's NullMetricsProvider, to see what metrics cost: bench-metrics-cost.sh).
 */
public final class ServerBenchmark {

    private static final long WRITE_OPS = Long.getLong("bench.writeOps", 20_000);
    private static final long READ_OPS = Long.getLong("bench.readOps", 100_000);
    private static final int WINDOW = Integer.getInteger("bench.window", 8);
    private static final int[] THREADS = ints(System.getProperty("bench.threads", "1,32"));
    private static final Duration MAX_PHASE = Duration.ofSeconds(Long.getLong("bench.maxPhaseSeconds", 60));
    private static final long[] ZNODES = Arrays.stream(System.getProperty("bench.znodes", "100000,1000000")
            .split(",")).filter(s -> !s.isBlank()).mapToLong(s -> Long.parseLong(s.trim())).toArray();
    private static final Duration MAX_POPULATE = Duration.ofSeconds(Long.getLong("bench.maxPopulateSeconds", 600));
    private static final List<String> JVM_FLAGS =
            List.of(System.getProperty("bench.jvmFlags", "-Xmx3g").trim().split("\\s+"));
    private static final List<String> SERVERS = List.of(System.getProperty("bench.servers", "apache,menagerie")
            .split(","));
    private static final Duration START_TIMEOUT = Duration.ofMinutes(10);

    /** Rows of the final table: phase -> server -> value. */
    private final Map<String, Map<String, String>> table = new LinkedHashMap<>();
    private final Map<String, Map<String, Double>> numbers = new LinkedHashMap<>();

    private ServerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        ServerBenchmark bench = new ServerBenchmark();
        System.out.printf("settings: writeOps=%d readOps=%d window=%d threads=%s znodes=%s jvm=%s%n", WRITE_OPS,
                READ_OPS, WINDOW, Arrays.toString(THREADS), Arrays.toString(ZNODES), JVM_FLAGS);
        for (String server : SERVERS) {
            bench.throughput(server);
        }
        for (long count : ZNODES) {
            for (String server : SERVERS) {
                bench.startup(server, count);
            }
        }
        bench.print();
    }

    private ServerProcess newServer(String kind, Path workDir) throws IOException {
        Path dataDir = workDir.resolve("data");
        int port = FreePorts.next();
        return switch (kind) {
            case "apache" -> new ApacheServer(kind, workDir, dataDir, port, Map.of(), JVM_FLAGS);
            case "menagerie" -> new MenagerieServer(kind, workDir, dataDir, port, Map.of(),
                    MenagerieServer.Launch.JAVA, JVM_FLAGS);
            // The same server with every metric switched off, as Apache's null provider does: what metrics cost.
            case "menagerie-nometrics" -> new MenagerieServer(kind, workDir, dataDir, port,
                    Map.of("metricsProvider.className", "org.apache.zookeeper.metrics.impl.NullMetricsProvider"),
                    MenagerieServer.Launch.JAVA, JVM_FLAGS);
            default -> throw new IllegalArgumentException("unknown server " + kind);
        };
    }

    private void throughput(String kind) throws Exception {
        Path workDir = Distribution.newWorkDir("bench-" + kind);
        try (ServerProcess server = newServer(kind, workDir)) {
            server.start();
            Clients.closeQuietly(Clients.awaitServing(server, START_TIMEOUT));
            ZooKeeper setup = Clients.connect(server.connectString(), 30_000, Duration.ofSeconds(30));
            try {
                Workloads.prepare(setup);
            } finally {
                Clients.closeQuietly(setup);
            }
            measure(server, "warm-up (not shown)", 32, WRITE_OPS / 4, Workloads.create("warm"), false);
            for (int threads : THREADS) {
                measure(server, "create, " + threads + " thr", threads, WRITE_OPS,
                        Workloads.create("t" + threads), true);
                measure(server, "setData, " + threads + " thr", threads, WRITE_OPS, Workloads.setData(), true);
                measure(server, "getData, " + threads + " thr", threads, READ_OPS, Workloads.getData(), true);
            }
        } finally {
            deleteTree(workDir);
        }
    }

    private void measure(ServerProcess server, String phase, int threads, long ops, LoadPhase.Request request,
            boolean record) throws Exception {
        List<ZooKeeper> clients = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                clients.add(Clients.connect(server.connectString(), 30_000, Duration.ofSeconds(30)));
            }
            long cpuBefore = ProcessCpu.ticks(server.pid());
            LoadPhase.Result result = LoadPhase.run(clients, ops, WINDOW, MAX_PHASE, request);
            double cpuMicrosPerOp = ProcessCpu.micros(ProcessCpu.ticks(server.pid()) - cpuBefore)
                    / Math.max(1, result.ops());
            System.out.printf("%-10s %-22s %8d ops %6.1f s %9.0f ops/s  p50 %6d us  p99 %7d us  cpu %6.1f us/op"
                    + "  errors %d%n", server.name(), phase, result.ops(), result.seconds(), result.opsPerSecond(),
                    result.p50Micros(), result.p99Micros(), cpuMicrosPerOp, result.errors());
            if (record) {
                put(phase + " server cpu us/op", server.name(), cpuMicrosPerOp, "%.1f");
                put(phase + " ops/s", server.name(), result.opsPerSecond(), "%.0f");
                put(phase + " p50 ms", server.name(), result.p50Micros() / 1000.0, "%.2f");
                put(phase + " p99 ms", server.name(), result.p99Micros() / 1000.0, "%.2f");
            }
        } finally {
            for (ZooKeeper client : clients) {
                Clients.closeQuietly(client);
            }
        }
    }

    private void startup(String kind, long count) throws Exception {
        Path workDir = Distribution.newWorkDir("startup-" + kind);
        try (ServerProcess server = newServer(kind, workDir)) {
            server.start();
            ZooKeeper client = Clients.awaitServing(server, START_TIMEOUT);
            long populateStart = System.nanoTime();
            long created;
            try {
                created = Populator.populate(client, count, MAX_POPULATE);
            } finally {
                Clients.closeQuietly(client);
            }
            double populateSeconds = (System.nanoTime() - populateStart) / 1e9;
            String label = String.format("%,d znodes", created);
            System.out.printf("%-10s populated %s in %.1f s (%.0f znodes/s)%n", kind, label, populateSeconds,
                    created / populateSeconds);
            put(label + ": populate s", kind, populateSeconds, "%.1f");
            for (String restart : List.of("restart 1 s", "restart 2 s")) {
                server.stop();
                long startNs = System.nanoTime();
                server.start();
                FirstRequestProbe.await(server.clientPort(), START_TIMEOUT);
                double seconds = (System.nanoTime() - startNs) / 1e9;
                System.out.printf("%-10s %s: %s %.2f (data dir %s)%n", kind, label, restart, seconds,
                        humanSize(workDir.resolve("data")));
                put(label + ": " + restart, kind, seconds, "%.2f");
            }
        } finally {
            deleteTree(workDir);
        }
    }

    private void put(String row, String server, double value, String format) {
        table.computeIfAbsent(row, r -> new LinkedHashMap<>()).put(server, String.format(format, value));
        numbers.computeIfAbsent(row, r -> new LinkedHashMap<>()).put(server, value);
    }

    private void print() {
        System.out.println();
        StringBuilder header = new StringBuilder(String.format("%-34s", "phase"));
        SERVERS.forEach(s -> header.append(String.format("%12s", s)));
        if (SERVERS.size() == 2) {
            header.append(String.format("%22s", SERVERS.get(1) + "/" + SERVERS.get(0)));
        }
        System.out.println(header);
        table.forEach((row, values) -> {
            StringBuilder line = new StringBuilder(String.format("%-34s", row));
            SERVERS.forEach(s -> line.append(String.format("%12s", values.getOrDefault(s, "-"))));
            Map<String, Double> n = numbers.get(row);
            if (SERVERS.size() == 2 && n.containsKey(SERVERS.get(0)) && n.containsKey(SERVERS.get(1))) {
                line.append(String.format("%22.2f", n.get(SERVERS.get(1)) / n.get(SERVERS.get(0))));
            }
            System.out.println(line);
        });
    }

    private static String humanSize(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            long bytes = files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
            return String.format("%.1f MB", bytes / 1e6);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Boolean.getBoolean("bench.keep") || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    private static int[] ints(String list) {
        return Arrays.stream(list.split(",")).mapToInt(s -> Integer.parseInt(s.trim())).toArray();
    }
}
