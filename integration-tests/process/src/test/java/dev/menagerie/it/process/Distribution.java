package dev.menagerie.it.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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

    /** The java launcher of this JVM, so child servers run on the same Java. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
