package dev.menagerie.it.process.swap;

import dev.menagerie.it.process.Distribution;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * A "newer release" of a bundle the distribution ships: the same classes as the jar inside lib/menagerie.jar, with a
 * higher Bundle-Version in its manifest, as an operator would get from a later build.
 */
final class NewerBundle {

    /** Above any 1.0.0 build of this tree (whose qualifier is a timestamp). */
    static final String NEWER_VERSION = "1.0.1.upgrade";

    private NewerBundle() {
    }

    /**
     * Writes the newer jar of {@code symbolicName} into {@code deployDir} the way deploy/README.txt asks (a
     * temporary name, then a rename), so FileInstall never reads half a jar; returns its path.
     */
    static Path deploy(String symbolicName, String version, Path deployDir) throws IOException {
        Path target = deployDir.resolve(symbolicName + "-" + version + ".jar");
        Path partial = deployDir.resolve(symbolicName + ".part");
        try (OutputStream out = Files.newOutputStream(partial)) {
            write(symbolicName, version, out);
        }
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    private static void write(String symbolicName, String version, OutputStream out) throws IOException {
        try (JarFile runtime = new JarFile(Distribution.home().resolve("lib/menagerie.jar").toFile())) {
            JarEntry shipped = runtime.stream()
                    .filter(e -> e.getName().startsWith("jar/" + symbolicName + "-") && e.getName().endsWith(".jar"))
                    .findFirst().orElseThrow(() -> new IOException("lib/menagerie.jar holds no jar/" + symbolicName
                            + "-*.jar"));
            try (InputStream in = runtime.getInputStream(shipped); JarInputStream jar = new JarInputStream(in)) {
                Manifest manifest = new Manifest(jar.getManifest());
                manifest.getMainAttributes().put(new Attributes.Name("Bundle-Version"), version);
                try (JarOutputStream newer = new JarOutputStream(out, manifest)) {
                    for (JarEntry entry = jar.getNextJarEntry(); entry != null; entry = jar.getNextJarEntry()) {
                        newer.putNextEntry(new JarEntry(entry.getName()));
                        jar.transferTo(newer);
                        newer.closeEntry();
                    }
                }
            }
        }
    }
}
