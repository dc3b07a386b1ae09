package dev.menagerie.it.process.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time a process has used, from Linux's {@code /proc/<pid>/stat} (user plus system time, in clock ticks of
 * 1/100 s): it counts the server's work whatever else loads the machine, unlike throughput.
 */
final class ProcessCpu {

    private static final double MICROS_PER_TICK = 10_000;

    private ProcessCpu() {
    }

    /** User plus system clock ticks of {@code pid} so far. */
    static long ticks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    static double micros(long ticks) {
        return ticks * MICROS_PER_TICK;
    }
}
