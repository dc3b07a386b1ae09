package dev.menagerie.it.process.swap;

import dev.menagerie.it.process.ZkShell;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What an operator does to a running server in the swap tests: Gogo commands, zoo.cfg edits, reading the log. */
final class Operator {

    private static final Duration SHELL_TIMEOUT = Duration.ofSeconds(60);

    private Operator() {
    }

    /** Runs Gogo commands through {@code zkServer.sh shell} on the server that {@code zooCfg} describes. */
    static String shell(Path zooCfg, String... commands) throws IOException, InterruptedException {
        return ZkShell.run(zooCfg, SHELL_TIMEOUT, commands);
    }

    /** The ids of the installed bundles named {@code symbolicName}, in {@code lb} order (oldest first). */
    static List<String> bundleIds(Path zooCfg, String symbolicName) throws IOException, InterruptedException {
        String listing = shell(zooCfg, "lb -s " + symbolicName);
        Matcher row = Pattern.compile("(?m)^\\s*(\\d+)\\|.*\\|" + Pattern.quote(symbolicName) + " \\(").matcher(listing);
        List<String> ids = new ArrayList<>();
        while (row.find()) {
            ids.add(row.group(1));
        }
        return ids;
    }

    /** The id of the one installed bundle named {@code symbolicName}; fails unless there is exactly one. */
    static String bundleId(Path zooCfg, String symbolicName) throws IOException, InterruptedException {
        List<String> ids = bundleIds(zooCfg, symbolicName);
        if (ids.size() != 1) {
            throw new AssertionError("expected one bundle " + symbolicName + ", lb lists ids " + ids);
        }
        return ids.get(0);
    }

    /**
     * Sets {@code key=value} in the zoo.cfg of a running server (other lines stay), as an operator's live edit.
     * The config bundle notices a changed size or modification time.
     */
    static void setKey(Path zooCfg, String key, String value) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(zooCfg));
        lines.removeIf(line -> line.startsWith(key + "="));
        lines.add(key + "=" + value);
        Files.write(zooCfg, lines);
    }

    /** How many lines of {@code log} contain {@code text}; 0 while the file does not exist. */
    static long countLines(Path log, String text) {
        try {
            if (!Files.exists(log)) {
                return 0;
            }
            return Files.readAllLines(log).stream().filter(line -> line.contains(text)).count();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + log + ": " + e, e);
        }
    }

    /**
     * Drops into {@code deployDir} a copy of the bundle {@code jar} whose manifest says {@code Bundle-Version:
     * version}: the same classes as a newer release, as an operator would receive it. The copy is written next to
     * the folder and moved in whole, so FileInstall never sees half a jar.
     */
    static Path deployWithBundleVersion(Path jar, String version, Path deployDir) throws IOException {
        String name = jar.getFileName().toString().replace(".jar", "-" + version + ".jar");
        Path partial = deployDir.resolveSibling(name + ".part");
        try (InputStream file = Files.newInputStream(jar); JarInputStream in = new JarInputStream(file)) {
            Manifest manifest = in.getManifest();
            if (manifest == null) {
                throw new IOException(jar + " has no manifest");
            }
            manifest.getMainAttributes().put(new Attributes.Name("Bundle-Version"), version);
            try (OutputStream out = Files.newOutputStream(partial);
                    JarOutputStream copy = new JarOutputStream(out, manifest)) {
                for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
                    copy.putNextEntry(new JarEntry(entry.getName()));
                    in.transferTo(copy);
                    copy.closeEntry();
                }
            }
        }
        return Files.move(partial, deployDir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    /** A bundle jar the build made, named by a system property the pom sets; fails saying so when it is missing. */
    static Path builtJar(String property) {
        String value = System.getProperty(property);
        if (value == null || !Files.isRegularFile(Path.of(value))) {
            throw new AssertionError("system property " + property + " must name a built bundle jar (the pom sets it;"
                    + " build the bundles first with mvn install -DskipTests), got " + value);
        }
        return Path.of(value);
    }
}
