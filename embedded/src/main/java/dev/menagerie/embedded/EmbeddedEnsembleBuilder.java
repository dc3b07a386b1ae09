package dev.menagerie.embedded;

import dev.menagerie.api.config.InvalidConfigException;
import dev.menagerie.api.config.ServerConfig;
import dev.menagerie.classpath.LoopbackPorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an {@link EmbeddedEnsemble} runs on: its size and the zoo.cfg keys every member shares, with the defaults of
 * {@link EmbeddedServerBuilder} plus {@code initLimit=10} and {@code syncLimit=5}. Each member gets a client, a
 * quorum and an election port on 127.0.0.1 and its own folder under one temporary folder.
 */
public final class EmbeddedEnsembleBuilder {

    private static final int MAX_MEMBERS = 9;

    private final int size;
    private final ZooCfgKeys keys = new ZooCfgKeys(Set.of("clientPort", "dataDir"));
    private Duration readyTimeout = Duration.ofSeconds(60);

    EmbeddedEnsembleBuilder(int size) {
        if (size < 1 || size > MAX_MEMBERS) {
            throw new IllegalArgumentException("an embedded ensemble has 1 to " + MAX_MEMBERS + " members: " + size);
        }
        this.size = size;
        keys.set("initLimit", "10");
        keys.set("syncLimit", "5");
    }

    /** The storage engine's {@code type}: {@code memory} (the default) or {@code file}. */
    public EmbeddedEnsembleBuilder storage(String type) {
        return config("storage", type);
    }

    /** The client transport's {@code type}: {@code nio} (the default) or {@code netty}. */
    public EmbeddedEnsembleBuilder transport(String type) {
        return config("serverCnxnFactory", type);
    }

    /** Any zoo.cfg key every member shares; {@code server.N} lines are written by the builder. */
    public EmbeddedEnsembleBuilder config(String key, String value) {
        if (key.startsWith("server.")) {
            throw new IllegalArgumentException(key + " is written by the builder");
        }
        keys.set(key, value);
        return this;
    }

    /** How long {@link #start()} waits for every member to serve (default 60 s). */
    public EmbeddedEnsembleBuilder readyTimeout(Duration timeout) {
        readyTimeout = timeout;
        return this;
    }

    /**
     * Starts every member and returns once each serves clients (a leader is elected and every follower synced).
     *
     * @throws IOException when a member cannot start, or the ensemble does not serve within the ready timeout
     */
    public EmbeddedEnsemble start() throws IOException, InvalidConfigException {
        Path dir = Files.createTempDirectory("menagerie-ensemble-");
        try {
            Map<String, String> serverLines = new LinkedHashMap<>();
            List<Integer> clientPorts = new ArrayList<>();
            for (int id = 1; id <= size; id++) {
                serverLines.put("server." + id, "127.0.0.1:" + LoopbackPorts.next() + ":" + LoopbackPorts.next());
                clientPorts.add(LoopbackPorts.next());
            }
            List<ServerConfig> configs = new ArrayList<>();
            for (int id = 1; id <= size; id++) {
                Path member = dir.resolve("server" + id);
                Path data = member.resolve("data");
                Files.createDirectories(data);
                Files.writeString(data.resolve("myid"), Long.toString(id));
                Map<String, String> own = new LinkedHashMap<>(serverLines);
                own.put("clientPort", Integer.toString(clientPorts.get(id - 1)));
                own.put("dataDir", data.toString());
                configs.add(keys.write(member.resolve("zoo.cfg"), own));
            }
            return EmbeddedEnsemble.start(dir, configs, clientPorts, readyTimeout);
        } catch (IOException | InvalidConfigException | RuntimeException e) {
            TemporaryFolders.delete(dir);
            throw e;
        }
    }
}
