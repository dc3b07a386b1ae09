package dev.menagerie.it.process.hostile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The table of figures HostileClientsTest prints: one row a scenario. */
final class Figures {

    private record Row(String scenario, int calls, double p99Ms, long liveHeapMib, String note) {
        Row withNote(String more) {
            return new Row(scenario, calls, p99Ms, liveHeapMib, note + "; " + more);
        }
    }

    private final List<Row> rows = new ArrayList<>();

    synchronized void add(String scenario, LatencyProbe probe, long liveHeapMib, String note) {
        rows.add(new Row(scenario, probe.count(), probe.p99Ms(), liveHeapMib, note));
    }

    synchronized void add(String scenario, long liveHeapMib, String note) {
        rows.add(new Row(scenario, 0, Double.NaN, liveHeapMib, note));
    }

    /** Adds to the notes of the row of {@code scenario}. */
    synchronized void note(String scenario, String more) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).scenario.equals(scenario)) {
                rows.set(i, rows.get(i).withNote(more));
            }
        }
    }

    synchronized String table(double baselineP99Ms, double boundMs) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "%nHostile clients (good client's p99 bound %.1f ms, baseline %.1f ms)%n", boundMs, baselineP99Ms));
        out.append("| scenario | good client calls | p99 ms | server live heap MiB | notes |\n");
        out.append("| --- | --- | --- | --- | --- |\n");
        for (Row row : rows) {
            out.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %s |%n", row.scenario,
                    row.calls == 0 ? "-" : String.valueOf(row.calls),
                    Double.isNaN(row.p99Ms) ? "-" : String.format(Locale.ROOT, "%.1f", row.p99Ms),
                    row.liveHeapMib, row.note));
        }
        return out.toString();
    }
}
