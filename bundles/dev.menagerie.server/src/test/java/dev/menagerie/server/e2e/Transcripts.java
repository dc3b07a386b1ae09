package dev.menagerie.server.e2e;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** Runs one script against Apache (once, cached) and against Menagerie, and reports the first difference. */
final class Transcripts {

    /** Apache's transcript per script name: the reference is the same whichever transport Menagerie uses. */
    private static final Map<String, List<String>> APACHE = new ConcurrentHashMap<>();

    private Transcripts() {
    }

    static List<String> apache(String key, Path dir, Consumer<Script> script) throws Exception {
        List<String> cached = APACHE.get(key);
        if (cached != null) {
            return cached;
        }
        try (InJvmApache server = new InJvmApache(dir)) {
            List<String> lines = run(server.connectString(), script);
            APACHE.put(key, lines);
            keep(key, lines);
            return lines;
        }
    }

    /** Runs {@code script} on Apache and on Menagerie over {@code transport}; fails at the first difference. */
    static void compare(String key, Path dir, String transport, Consumer<Script> script) throws Exception {
        assertSame(apache(key, dir, script), menagerie(dir, transport, script), key + " on " + transport);
    }

    static List<String> menagerie(Path dir, String transport, Consumer<Script> script) throws Exception {
        try (InJvmMenagerie server = new InJvmMenagerie(dir, transport)) {
            return run(server.connectString(), script);
        }
    }

    /** Writes the reference transcript under target/differential, for reading when a comparison fails. */
    static void keep(String key, List<String> lines) throws IOException {
        Path folder = Files.createDirectories(Path.of("target", "differential"));
        Files.write(folder.resolve(key + ".apache.txt"), lines);
    }

    static List<String> run(String connectString, Consumer<Script> script) {
        try (Script run = new Script(connectString)) {
            script.accept(run);
            run.settle();
            return List.copyOf(run.transcript());
        }
    }

    static void assertSame(List<String> apache, List<String> menagerie, String what) {
        int n = Math.min(apache.size(), menagerie.size());
        for (int i = 0; i < n; i++) {
            if (!apache.get(i).equals(menagerie.get(i))) {
                fail(what + ": first difference at line " + i + "\n  apache:    " + apache.get(i)
                        + "\n  menagerie: " + menagerie.get(i) + "\n" + context(apache, menagerie, i));
            }
        }
        if (apache.size() != menagerie.size()) {
            fail(what + ": apache has " + apache.size() + " lines, menagerie " + menagerie.size() + "\n"
                    + context(apache, menagerie, n));
        }
    }

    private static String context(List<String> apache, List<String> menagerie, int at) {
        StringBuilder text = new StringBuilder("--- apache (before and after) ---\n");
        for (int i = Math.max(0, at - 6); i < Math.min(apache.size(), at + 4); i++) {
            text.append(i).append(": ").append(apache.get(i)).append('\n');
        }
        text.append("--- menagerie ---\n");
        for (int i = Math.max(0, at - 6); i < Math.min(menagerie.size(), at + 4); i++) {
            text.append(i).append(": ").append(menagerie.get(i)).append('\n');
        }
        return text.toString();
    }
}
