package dev.menagerie.embedded;

import dev.menagerie.api.config.ServerConfig;
import dev.menagerie.server.embed.EmbeddedReplica;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An ensemble of Menagerie servers in this JVM, each on its own loopback ports, electing and replicating over real
 * sockets: the equivalent of Curator's {@code TestingCluster}. Made by {@link #of(int)}; {@link #close()} stops every
 * member and deletes the folder the ensemble made.
 */
public final class EmbeddedEnsemble implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedEnsemble.class);
    private static final long POLL_MS = 5;

    private final Path folder;
    private final List<ServerConfig> configs;
    private final List<Integer> clientPorts;
    /** By member id - 1; null while a member is stopped. */
    private final List<EmbeddedReplica> members = new ArrayList<>();

    private EmbeddedEnsemble(Path folder, List<ServerConfig> configs, List<Integer> clientPorts) {
        this.folder = folder;
        this.configs = List.copyOf(configs);
        this.clientPorts = List.copyOf(clientPorts);
    }

    /** A builder of an ensemble of {@code size} members (3 or 5 for tests of failover; 1 to 9). */
    public static EmbeddedEnsembleBuilder of(int size) {
        return new EmbeddedEnsembleBuilder(size);
    }

    static EmbeddedEnsemble start(Path folder, List<ServerConfig> configs, List<Integer> clientPorts,
            Duration readyTimeout) throws IOException {
        long startNanos = System.nanoTime();
        EmbeddedEnsemble ensemble = new EmbeddedEnsemble(folder, configs, clientPorts);
        try {
            for (ServerConfig config : configs) {
                ensemble.members.add(startMember(config));
            }
            ensemble.awaitServing(readyTimeout);
        } catch (IOException | RuntimeException e) {
            ensemble.close();
            throw e;
        }
        LOG.info("Menagerie ensemble of {} ready on {} in {} ms (leader: server {})", configs.size(),
                ensemble.connectString(), (System.nanoTime() - startNanos) / 1_000_000, ensemble.leader());
        return ensemble;
    }

    private static EmbeddedReplica startMember(ServerConfig config) throws IOException {
        ServerServices services = ServerServices.of(config);
        return EmbeddedReplica.start(config, services.storage(), services.transport(), config.cnxnFactoryType(),
                services.metrics(), services.peers());
    }

    /**
     * Stops member {@code id} (1 to the size), as Curator's {@code killServer}: its peer leaves the ensemble and its
     * client port closes; the others elect again if it led. Stopping a stopped member does nothing.
     */
    public synchronized void stop(int id) {
        EmbeddedReplica member = members.set(id - 1, null);
        if (member != null) {
            member.close();
        }
    }

    /**
     * Starts a stopped member on its ports again and returns once every running member serves, as Curator's
     * {@code restartServer}. With {@code storage=memory} it comes back empty and the leader sends it a snapshot.
     */
    public synchronized void start(int id, Duration readyTimeout) throws IOException {
        if (members.get(id - 1) == null) {
            members.set(id - 1, startMember(configs.get(id - 1)));
        }
        awaitServing(readyTimeout);
    }

    /** Waits until every running member serves clients. */
    public synchronized void awaitServing(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!members.stream().allMatch(member -> member == null || member.status().summary().serving())) {
            if (System.nanoTime() - deadline > 0) {
                throw new IOException("the ensemble did not serve within " + timeout.toMillis() + " ms; modes: "
                        + modes());
            }
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the ensemble to serve", e);
            }
        }
    }

    private String modes() {
        return members.stream().map(member -> member == null ? "stopped" : member.status().summary().mode())
                .collect(Collectors.joining(", "));
    }

    /** Every member's {@code 127.0.0.1:<port>}, comma-separated, for a ZooKeeper client. */
    public String connectString() {
        return clientPorts.stream().map(port -> "127.0.0.1:" + port).collect(Collectors.joining(","));
    }

    /** The connect string of member {@code id} (1 to the size) alone. */
    public String connectString(int id) {
        return "127.0.0.1:" + clientPorts.get(id - 1);
    }

    public int size() {
        return clientPorts.size();
    }

    /** The id of the member that leads now, 0 while none does. */
    public synchronized int leader() {
        for (int i = 0; i < members.size(); i++) {
            EmbeddedReplica member = members.get(i);
            if (member != null && "leader".equals(member.status().summary().mode())) {
                return i + 1;
            }
        }
        return 0;
    }

    /** Stops every member and deletes the ensemble's folder. */
    @Override
    public synchronized void close() throws IOException {
        for (EmbeddedReplica member : members) {
            if (member != null) {
                member.close();
            }
        }
        members.clear();
        TemporaryFolders.delete(folder);
    }
}
