package dev.menagerie.testing;

import dev.menagerie.api.config.ConfigReader;
import dev.menagerie.api.config.InvalidConfigException;
import dev.menagerie.api.config.ServerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A zoo.cfg for a test: keys in the order set (a later {@link #set} of the same key replaces the value in place),
 * written to a file and read back into a {@link ServerConfig} through the config bundle's {@link ConfigReader}
 * service, the parser a deployed server uses.
 */
public final class ZooCfg {

    private final Map<String, String> keys = new LinkedHashMap<>();

    private ZooCfg() {
    }

    /** Nothing set yet. */
    public static ZooCfg empty() {
        return new ZooCfg();
    }

    /**
     * A standalone server on 127.0.0.1:{@code clientPort} with its data in {@code dataDir}, every four-letter word
     * allowed and the admin HTTP server off (tests that want it turn it on).
     */
    public static ZooCfg standalone(Path dataDir, int clientPort) {
        return new ZooCfg().set("tickTime", "2000").set("dataDir", dataDir.toString())
                .set("clientPort", Integer.toString(clientPort)).set("clientPortAddress", "127.0.0.1")
                .set("4lw.commands.whitelist", "*").set("admin.enableServer", "false");
    }

    public ZooCfg set(String key, String value) {
        keys.put(key, value);
        return this;
    }

    /** Sets each {@code key=value} line (the form tests pass extra settings in). */
    public ZooCfg lines(String... keyValueLines) {
        for (String line : keyValueLines) {
            int equals = line.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("not a key=value line: " + line);
            }
            set(line.substring(0, equals).trim(), line.substring(equals + 1).trim());
        }
        return this;
    }

    public String text() {
        StringBuilder text = new StringBuilder();
        keys.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        return text.toString();
    }

    /** Writes the file (creating its folder) and returns its path. */
    public Path write(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the file and reads it back as the server would, with no {@code zookeeper.*} system properties. */
    public ServerConfig writeAndRead(Path file) throws InvalidConfigException {
        return read(write(file));
    }

    /** Reads {@code file} with the config bundle's parser, with no {@code zookeeper.*} system properties. */
    public static ServerConfig read(Path file) throws InvalidConfigException {
        try (var reader = Components.create(ConfigReader.class)) {
            return reader.service().read(file, Map.of());
        }
    }
}
