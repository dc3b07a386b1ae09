package dev.menagerie.it.process.jpms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.it.process.Clients;
import dev.menagerie.it.process.Distribution;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;

/**
 * The embedded library on the module path: a program on the class path uses it as the automatic module
 * {@code dev.menagerie.embedded} beside the distribution's {@code lib/modules}, where {@link java.util.ServiceLoader}
 * finds every strategy in the bundles' module descriptors. Its standalone server and 3-server ensemble serve Apache's
 * Java client.
 */
class EmbeddedOnModulePathTest {

    private static final Duration READY = Duration.ofSeconds(60);

    @Test
    void aProgramOnTheModulePathStartsAServerAndAnEnsembleThatServeApachesClient() throws Exception {
        Path folder = Distribution.newWorkDir("jpms-embedded");
        String modulePath = String.join(File.pathSeparator, Distribution.home().resolve("lib/modules").toString(),
                builtJar("menagerie.embedded.jar"), builtJar("menagerie.classpath.jar"));
        ProcessBuilder builder = new ProcessBuilder(Distribution.java(), "-Xmx256m", "-p", modulePath,
                "--add-modules", "ALL-MODULE-PATH", "-cp", testClasses(),
                EmbeddedOnModulePathMain.class.getName())
                .redirectError(folder.resolve("stderr.txt").toFile());
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        Process program = builder.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(program.getInputStream(),
                StandardCharsets.UTF_8))) {
            Map<String, String> printed = readUntil(out, "LEADER", folder);
            assertEquals("dev.menagerie.embedded", printed.get("MODULE"), "the library runs as a named module");

            ZooKeeper standalone = Clients.connect(printed.get("STANDALONE"), 10_000, READY);
            try {
                standalone.create("/on-module-path", "yes".getBytes(StandardCharsets.UTF_8), Ids.OPEN_ACL_UNSAFE,
                        CreateMode.PERSISTENT);
                assertArrayEquals("yes".getBytes(StandardCharsets.UTF_8),
                        standalone.getData("/on-module-path", false, null));
            } finally {
                Clients.closeQuietly(standalone);
            }
            for (String member : printed.get("ENSEMBLE").split(",")) {
                ZooKeeper client = Clients.connect(member, 10_000, READY);
                try {
                    String path = "/via-" + member.substring(member.lastIndexOf(':') + 1);
                    client.create(path, new byte[0], Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
                } finally {
                    Clients.closeQuietly(client);
                }
            }
            ZooKeeper reader = Clients.connect(printed.get("ENSEMBLE").split(",")[0], 10_000, READY);
            try {
                reader.sync("/");
                assertEquals(3, reader.getChildren("/", false).stream().filter(name -> name.startsWith("via-"))
                        .count(), "every member's write, read through one member");
            } finally {
                Clients.closeQuietly(reader);
            }

            program.getOutputStream().close();
            assertTrue(out.lines().anyMatch("STOPPED"::equals), "the program stops when its input closes");
            assertTrue(program.waitFor(30, TimeUnit.SECONDS), "the program ends after stopping its servers");
            assertEquals(0, program.exitValue(), Files.readString(folder.resolve("stderr.txt")));
        } finally {
            program.destroyForcibly();
        }
    }

    /**
     * The {@code KEY value} lines the program prints, up to the one starting with {@code last}; the servers' log
     * lines (logback's console) come in between.
     */
    private static Map<String, String> readUntil(BufferedReader out, String last, Path folder) throws IOException {
        Map<String, String> printed = new HashMap<>();
        String line;
        while ((line = out.readLine()) != null) {
            int space = line.indexOf(' ');
            if (space > 0 && line.substring(0, space).chars().allMatch(Character::isUpperCase)) {
                printed.put(line.substring(0, space), line.substring(space + 1));
            }
            if (line.startsWith(last + " ")) {
                return printed;
            }
        }
        throw new AssertionError("the program ended before printing " + last + "; it printed " + printed
                + "; its errors: " + Files.readString(folder.resolve("stderr.txt")));
    }

    /** Only this module's compiled tests, for the program's class: what it uses is on the module path. */
    private static String testClasses() throws URISyntaxException {
        return Path.of(EmbeddedOnModulePathMain.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
    }

    private static String builtJar(String property) {
        String value = System.getProperty(property);
        assertTrue(value != null && Files.isRegularFile(Path.of(value)), "system property " + property
                + " must name a built jar (the pom sets it; build with mvn install -DskipTests first), got " + value);
        return value;
    }
}
