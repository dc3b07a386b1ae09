package dev.menagerie.admin.impl.strategy;

import dev.menagerie.api.config.ConfigReader;
import dev.menagerie.api.config.InvalidConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Replaces the server's zoo.cfg with edited lines the way a careful operator would: write a copy next to it, check
 * the copy with the parser the server uses, then move it over the original in one step, so the config bundle's
 * watcher never reads a half-written or invalid file.
 */
final class ZooCfgFile {

    private final ConfigReader reader;

    ZooCfgFile(ConfigReader reader) {
        this.reader = reader;
    }

    List<String> read(Path zooCfg) throws IOException {
        return Files.readAllLines(zooCfg, StandardCharsets.UTF_8);
    }

    /**
     * Installs {@code lines} as {@code zooCfg}; when the parser refuses them, the file stays as it was and the
     * exception names {@code zooCfg} (not the copy).
     */
    void replace(Path zooCfg, List<String> lines) throws IOException, InvalidConfigException {
        Path folder = zooCfg.toAbsolutePath().getParent();
        Path copy = Files.createTempFile(folder, "." + zooCfg.getFileName() + ".", ".edit");
        try {
            Files.write(copy, lines, StandardCharsets.UTF_8);
            keepPermissions(zooCfg, copy);
            try {
                reader.read(copy, jvmProperties());
            } catch (InvalidConfigException e) {
                throw new InvalidConfigException(e.getMessage().replace(copy.toString(), zooCfg.toString())
                        .replace(copy.getFileName().toString(), zooCfg.getFileName().toString()));
            }
            Files.move(copy, zooCfg, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    private static void keepPermissions(Path original, Path copy) throws IOException {
        PosixFileAttributeView from = Files.getFileAttributeView(original, PosixFileAttributeView.class);
        PosixFileAttributeView to = Files.getFileAttributeView(copy, PosixFileAttributeView.class);
        if (from != null && to != null) {
            to.setPermissions(from.readAttributes().permissions());
        }
    }

    /** The JVM's properties, which the server's own reading of zoo.cfg also sees. */
    private static Map<String, String> jvmProperties() {
        Map<String, String> properties = new HashMap<>();
        System.getProperties().forEach((key, value) -> properties.put(String.valueOf(key), String.valueOf(value)));
        return properties;
    }
}
