package dev.menagerie.server.embed;

import dev.menagerie.api.config.ServerConfig;
import dev.menagerie.api.metrics.MetricsRegistry;
import dev.menagerie.api.replication.QuorumPeer;
import dev.menagerie.api.replication.QuorumPeerFactory;
import dev.menagerie.api.status.FourLetterWordHandler;
import dev.menagerie.api.status.ServerStatus;
import dev.menagerie.api.storage.Storage;
import dev.menagerie.api.storage.StorageFactory;
import dev.menagerie.api.transport.ServerCnxnFactory;
import dev.menagerie.server.impl.auth.PluginProviders;
import dev.menagerie.server.impl.host.ReplicatedServer;
import dev.menagerie.server.impl.host.ServerComponent;
import dev.menagerie.server.impl.host.TransportSlot;
import dev.menagerie.server.impl.status.FourLetterWordSlot;
import java.io.IOException;
import java.util.Optional;

/**
 * One member of an ensemble started from its parsed zoo.cfg, the services the runtime would bind to it and the quorum
 * peer factory that elects and replicates. It opens its storage from the factory and closes it when it stops; a
 * fail-stop stops it the same way. Clients are turned away until the peer has joined a quorum
 * ({@link #status()}{@code .summary().serving()}).
 */
public final class EmbeddedReplica implements AutoCloseable {

    private final Storage storage;
    private final ReplicatedServer server;
    private QuorumPeer peer;
    private boolean stopped;

    private EmbeddedReplica(ServerConfig config, StorageFactory storageFactory, ServerCnxnFactory transport,
            String transportType, MetricsRegistry metrics, QuorumPeerFactory peers,
            Optional<FourLetterWordHandler> fourLetterWords) throws IOException {
        if (config.standalone()) {
            throw new IllegalArgumentException("the configuration describes a standalone server, not an ensemble"
                    + " member");
        }
        storage = storageFactory.open(ServerComponent.storageSettings(config));
        TransportSlot transports = new TransportSlot(metrics.counterSet(TransportSlot.SWAPS));
        transports.offer(transport, transportType);
        FourLetterWordSlot words = new FourLetterWordSlot();
        fourLetterWords.ifPresent(words::bind);
        server = new ReplicatedServer(config, storage, transports, new PluginProviders(), words, metrics);
        server.onFailStop(this::close);
        Hosting.start(server::start, server::stop, transports, transportType, storage);
        try {
            peer = peers.start(server);
            server.peer(peer);
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Starts the member: its database is loaded and its client port open when this returns, and its peer looks for
     * the others on its own threads.
     *
     * @throws IOException when the storage cannot be opened or loaded, a port cannot be bound or the peer not start
     */
    public static EmbeddedReplica start(ServerConfig config, StorageFactory storageFactory,
            ServerCnxnFactory transport, String transportType, MetricsRegistry metrics, QuorumPeerFactory peers)
            throws IOException {
        return new EmbeddedReplica(config, storageFactory, transport, transportType, metrics, peers,
                Optional.empty());
    }

    /**
     * Starts the member as {@link #start(ServerConfig, StorageFactory, ServerCnxnFactory, String, MetricsRegistry,
     * QuorumPeerFactory)} does, with {@code fourLetterWords} answering the client port's four-letter words.
     *
     * @since 1.1
     */
    public static EmbeddedReplica start(ServerConfig config, StorageFactory storageFactory,
            ServerCnxnFactory transport, String transportType, MetricsRegistry metrics, QuorumPeerFactory peers,
            Optional<FourLetterWordHandler> fourLetterWords) throws IOException {
        return new EmbeddedReplica(config, storageFactory, transport, transportType, metrics, peers,
                fourLetterWords);
    }

    /**
     * Whether it stopped: closed, or stopped itself after a fail-stop (what must never happen), which a host that
     * runs nothing else ends its process for.
     *
     * @since 1.1
     */
    public synchronized boolean stopped() {
        return stopped;
    }

    /** What four-letter words and admin commands report: the mode ({@code leader}, ...) and whether it serves. */
    public ServerStatus status() {
        return server.status();
    }

    /** The peer leaves the ensemble, then the server stops and its storage closes; closing again does nothing. */
    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        if (peer != null) {
            peer.close();
            server.peer(null);
        }
        server.stop();
        Hosting.closeStorage(storage);
    }
}
