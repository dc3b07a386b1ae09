package dev.menagerie.server.embed;

import dev.menagerie.api.config.ServerConfig;
import dev.menagerie.api.metrics.MetricsRegistry;
import dev.menagerie.api.status.FourLetterWordHandler;
import dev.menagerie.api.status.ServerStatus;
import dev.menagerie.api.storage.Storage;
import dev.menagerie.api.storage.StorageFactory;
import dev.menagerie.api.transport.ServerCnxnFactory;
import dev.menagerie.server.impl.auth.PluginProviders;
import dev.menagerie.server.impl.host.ServerComponent;
import dev.menagerie.server.impl.host.StandaloneServer;
import dev.menagerie.server.impl.host.TransportSlot;
import dev.menagerie.server.impl.status.FourLetterWordSlot;
import java.io.IOException;
import java.util.Optional;

/**
 * A standalone server started from a parsed zoo.cfg and the services the runtime would bind to it: a storage
 * engine, a client transport and a metrics registry. It opens its storage from the factory and closes it when
 * it stops; a fail-stop (what must never happen) stops it the same way.
 */
public final class EmbeddedStandalone implements AutoCloseable {

    private final Storage storage;
    private final TransportSlot transports;
    private final StandaloneServer server;
    private boolean stopped;

    private EmbeddedStandalone(ServerConfig config, StorageFactory storageFactory, ServerCnxnFactory transport,
            String transportType, MetricsRegistry metrics, Optional<FourLetterWordHandler> fourLetterWords)
            throws IOException {
        if (!config.standalone()) {
            throw new IllegalArgumentException("the configuration describes an ensemble member, not a standalone"
                    + " server");
        }
        storage = storageFactory.open(ServerComponent.storageSettings(config));
        transports = new TransportSlot(metrics.counterSet(TransportSlot.SWAPS));
        transports.offer(transport, transportType);
        FourLetterWordSlot words = new FourLetterWordSlot();
        fourLetterWords.ifPresent(words::bind);
        server = new StandaloneServer(config, storage, transports, new PluginProviders(), words, metrics);
        server.onFailStop(this::close);
        Hosting.start(server::start, server::stop, transports, transportType, storage);
    }

    /**
     * Starts a server that listens on the client port {@code config} names once this returns.
     *
     * @param transportType the transport's {@code type} service property ({@code nio}, {@code netty}), for its logs
     * @param fourLetterWords answers the client port's four-letter words; without one they are refused
     * @throws IOException when the storage cannot be opened or loaded, or the client port cannot be bound
     */
    public static EmbeddedStandalone start(ServerConfig config, StorageFactory storageFactory,
            ServerCnxnFactory transport, String transportType, MetricsRegistry metrics,
            Optional<FourLetterWordHandler> fourLetterWords) throws IOException {
        return new EmbeddedStandalone(config, storageFactory, transport, transportType, metrics, fourLetterWords);
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

    /** What four-letter words and admin commands report about this server. */
    public ServerStatus status() {
        return server.status();
    }

    /** Stops the server, closes its client port and its storage; closing again does nothing. */
    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        server.stop();
        Hosting.closeStorage(storage);
    }
}
