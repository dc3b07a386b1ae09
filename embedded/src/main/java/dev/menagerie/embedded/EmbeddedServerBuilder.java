package dev.menagerie.embedded;

import dev.menagerie.api.config.InvalidConfigException;
import dev.menagerie.api.config.ServerConfig;
import dev.menagerie.classpath.LoopbackPorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What an {@link EmbeddedServer} runs on: zoo.cfg keys, with defaults for tests (memory storage, NIO, a loopback
 * port, a 2 s tick, no autopurge, the admin HTTP server off). Any zoo.cfg key can be set with {@link #config}; the zoo.cfg is
 * read by the same parser as a deployed server's, so a refused key or bad value fails {@link #build()}.
 * A builder can build many servers; each gets its own folder and, with port 0, its own port.
 */
public final class EmbeddedServerBuilder {

    private final ZooCfgKeys keys = new ZooCfgKeys(Set.of("clientPort", "dataDir"));
    private int port;
    private Path folder;

    EmbeddedServerBuilder() {
    }

    /** The storage engine's {@code type}: {@code memory} (the default; a restart loses everything) or {@code file}. */
    public EmbeddedServerBuilder storage(String type) {
        return config("storage", type);
    }

    /** The client transport's {@code type}: {@code nio} (the default) or {@code netty}. */
    public EmbeddedServerBuilder transport(String type) {
        return config("serverCnxnFactory", type);
    }

    /** The client port on 127.0.0.1; 0 (the default) picks a free one below the ephemeral range. */
    public EmbeddedServerBuilder port(int clientPort) {
        if (clientPort < 0 || clientPort > 65_535) {
            throw new IllegalArgumentException("not a port: " + clientPort);
        }
        port = clientPort;
        return this;
    }

    /**
     * The folder for zoo.cfg and, with {@code storage=file}, the data; kept when the server closes. Without one, each
     * server makes a temporary folder and deletes it when it closes.
     */
    public EmbeddedServerBuilder folder(Path dir) {
        folder = dir;
        return this;
    }

    /** Any zoo.cfg key ({@code maxClientCnxns}, {@code minSessionTimeout}, ...); a later value replaces an earlier. */
    public EmbeddedServerBuilder config(String key, String value) {
        keys.set(key, value);
        return this;
    }

    /** A server that is not started yet: its zoo.cfg is written and checked, its port chosen. */
    public EmbeddedServer build() throws IOException, InvalidConfigException {
        Path dir = folder != null ? Files.createDirectories(folder) : Files.createTempDirectory("menagerie-");
        int clientPort = port != 0 ? port : LoopbackPorts.next();
        Optional<Path> made = folder != null ? Optional.empty() : Optional.of(dir);
        try {
            Path zooCfg = dir.resolve("zoo.cfg");
            ServerConfig config = keys.write(zooCfg, Map.of("clientPort", Integer.toString(clientPort),
                    "dataDir", dir.resolve("data").toString()));
            return new EmbeddedServer(zooCfg, config, clientPort, made);
        } catch (IOException | InvalidConfigException | RuntimeException e) {
            if (made.isPresent()) {
                TemporaryFolders.delete(dir);
            }
            throw e;
        }
    }

    /** Builds and starts a server; it accepts clients when this returns. */
    public EmbeddedServer start() throws IOException, InvalidConfigException {
        EmbeddedServer server = build();
        try {
            server.start();
            return server;
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }
}
