package dev.menagerie.it.process.hostile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server JVM's memory as seen from outside. The heap in use after a full collection ({@code jcmd <pid> GC.run},
 * then {@code GC.heap_info}) is what the server still holds on to, which is what a bound is about; the resident
 * set ({@code VmRSS} in /proc) also counts the JIT, thread stacks, direct buffers and heap the JVM has not returned.
 */
final class ServerMemory {

    private static final Pattern USED = Pattern.compile("total \\d+K, used (\\d+)K");
    private static final Pattern RSS = Pattern.compile("VmRSS:\\s+(\\d+) kB");
    private static final long JCMD_TIMEOUT_S = 60;

    private ServerMemory() {
    }

    /** Live heap in MiB after a full collection. */
    static long liveHeapMib(long pid) throws IOException, InterruptedException {
        return liveHeapKib(pid) / 1024;
    }

    /** Live heap in KiB after a full collection. */
    static long liveHeapKib(long pid) throws IOException, InterruptedException {
        jcmd(pid, "GC.run");
        String info = jcmd(pid, "GC.heap_info");
        Matcher used = USED.matcher(info);
        if (!used.find()) {
            throw new AssertionError("jcmd GC.heap_info printed no \"used\" figure for pid " + pid + ":\n" + info);
        }
        return Long.parseLong(used.group(1));
    }

    /** Resident set in MiB. */
    static long residentMib(long pid) throws IOException {
        String status = Files.readString(Path.of("/proc", String.valueOf(pid), "status"));
        Matcher rss = RSS.matcher(status);
        if (!rss.find()) {
            throw new AssertionError("/proc/" + pid + "/status has no VmRSS line");
        }
        return Long.parseLong(rss.group(1)) / 1024;
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(List.of(jcmdPath(), String.valueOf(pid), command))
                .redirectErrorStream(true).start();
        byte[] output = jcmd.getInputStream().readAllBytes();
        if (!jcmd.waitFor(JCMD_TIMEOUT_S, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
            jcmd.destroyForcibly();
            throw new AssertionError("jcmd " + pid + " " + command + " failed: "
                    + new String(output, StandardCharsets.UTF_8));
        }
        return new String(output, StandardCharsets.UTF_8);
    }

    /** The jcmd of the JDK running the tests (the server runs on the same one); jcmd on the PATH otherwise. */
    private static String jcmdPath() {
        Path own = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        return Files.isExecutable(own) ? own.toString() : "jcmd";
    }
}
