package dev.menagerie.it.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Where the assembled installation and the work folders are, from system properties Surefire or bench.sh set. */
public final class Distribution {

    private Distribution() {
    }

    /** The installation directory (distribution/target/menagerie), checked to hold the runtime jar. */
    public static Path home() throws IOException {
        Path home = Path.of(System.getProperty("menagerie.home", "../../distribution/target/menagerie"))
                .toAbsolutePath().normalize();
        if (!Files.isRegularFile(home.resolve("lib/menagerie.jar"))) {
            throw new IOException("no Menagerie installation at " + home
                    + ": build it first (cd distribution && mvn install) or set -Dmenagerie.home");
        }
        return home;
    }

    /** A fresh folder for one test's configs, data and server output, kept after the run for inspection. */
    public static Path newWorkDir(String prefix) throws IOException {
        Path root = Path.of(System.getProperty("menagerie.it.workDir", "target/it-work")).toAbsolutePath();
        Files.createDirectories(root);
        return Files.createTempDirectory(root, prefix + "-");
    }

    /**
     * JVM flags for a server that a test starts, kills and restarts: the heap limit, then
     * {@code -XX:TieredStopAtLevel=1} (the C1 compiler only), which cuts the CPU a server spends getting to serve
     * by about 40% (measured: 4.8 s to 3.0 s per start on a loaded 2-core machine), then {@code more}. Not for
     * benchmarks, whose figures need the optimizing compiler.
     */
    public static List<String> testJvmFlags(String heap, String... more) {
        List<String> flags = new ArrayList<>(List.of(heap, "-XX:TieredStopAtLevel=1"));
        flags.addAll(List.of(more));
        return List.copyOf(flags);
    }

    /** The java launcher of this JVM, so child servers run on the same Java. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
