package dev.menagerie.it.process.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the rounds {@code bench.sh metrics-cost} wrote ({@code round-<n>-menagerie.txt} with metrics on,
 * {@code round-<n>-menagerie-nometrics.txt} with Apache's NullMetricsProvider) and prints, per workload, each
 * round's figures, the median of the per-round ratios on/off and the ratio of the means: throughput (below 1 means
 * metrics cost throughput) and server CPU per operation (above 1 means metrics cost CPU). Rounds alternate on and off so that
 * a change in the machine's load touches both sides alike.
 */
public final class MetricsCost {

    private static final Pattern PHASE = Pattern.compile(
            "^(menagerie(?:-nometrics)?)\\s+(\\w+), 32 thr\\s+\\d+ ops\\s+[\\d.]+ s\\s+(\\d+) ops/s.*cpu\\s+([\\d.]+) us/op");
    private static final Pattern ROUND = Pattern.compile("round-(\\d+)-(menagerie(?:-nometrics)?)\\.txt");

    /** One workload's figures in one round: throughput and server CPU per operation. */
    private record Figures(double opsPerSecond, double cpuMicrosPerOp) {
    }

    private MetricsCost() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        // workload -> round -> kind -> figures
        Map<String, Map<Integer, Map<String, Figures>>> rounds = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                Matcher name = ROUND.matcher(file.getFileName().toString());
                if (!name.matches()) {
                    continue;
                }
                int round = Integer.parseInt(name.group(1));
                for (String line : Files.readAllLines(file)) {
                    Matcher phase = PHASE.matcher(line);
                    if (phase.find()) {
                        rounds.computeIfAbsent(phase.group(2), w -> new TreeMap<>())
                                .computeIfAbsent(round, r -> new LinkedHashMap<>())
                                .put(phase.group(1), new Figures(Double.parseDouble(phase.group(3)),
                                        Double.parseDouble(phase.group(4))));
                    }
                }
            }
        }
        if (rounds.isEmpty()) {
            throw new IllegalStateException("no benchmark rounds in " + dir + "; see the round files for errors");
        }
        System.out.println("| workload | round | ops/s on | ops/s off | on/off | cpu us/op on | cpu us/op off | on/off |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        List<String> summary = new ArrayList<>();
        rounds.forEach((workload, byRound) -> {
            List<Double> throughput = new ArrayList<>();
            List<Double> cpu = new ArrayList<>();
            double[] sums = new double[4];
            byRound.forEach((round, kinds) -> {
                Figures on = kinds.get("menagerie");
                Figures off = kinds.get("menagerie-nometrics");
                if (on == null || off == null) {
                    return;
                }
                sums[0] += on.opsPerSecond();
                sums[1] += off.opsPerSecond();
                sums[2] += on.cpuMicrosPerOp();
                sums[3] += off.cpuMicrosPerOp();
                throughput.add(on.opsPerSecond() / off.opsPerSecond());
                cpu.add(on.cpuMicrosPerOp() / off.cpuMicrosPerOp());
                System.out.printf("| %s | %d | %.0f | %.0f | %.3f | %.1f | %.1f | %.3f |%n", workload, round,
                        on.opsPerSecond(), off.opsPerSecond(), throughput.get(throughput.size() - 1),
                        on.cpuMicrosPerOp(), off.cpuMicrosPerOp(), cpu.get(cpu.size() - 1));
            });
            summary.add(String.format("| %s | %d | %.3f | %.3f | %.3f | %.3f |", workload, throughput.size(),
                    median(throughput), sums[0] / sums[1], median(cpu), sums[2] / sums[3]));
        });
        System.out.println();
        System.out.println("| workload | paired rounds | throughput on/off: median of rounds | of means"
                + " | server CPU per op on/off: median of rounds | of means |");
        System.out.println("|---|---|---|---|---|---|");
        summary.forEach(System.out::println);
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
