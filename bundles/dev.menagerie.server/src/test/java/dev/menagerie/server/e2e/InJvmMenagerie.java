package dev.menagerie.server.e2e;

import dev.menagerie.admin.impl.metrics.AdminMetrics;
import dev.menagerie.api.config.ServerConfig;
import dev.menagerie.api.metrics.MetricsRegistry;
import dev.menagerie.api.storage.Storage;
import dev.menagerie.api.storage.StorageFactory;
import dev.menagerie.api.transport.ServerCnxnFactory;
import dev.menagerie.server.impl.auth.PluginProviders;
import dev.menagerie.server.impl.host.ServerComponent;
import dev.menagerie.server.impl.host.StandaloneServer;
import dev.menagerie.server.impl.host.TransportSlot;
import dev.menagerie.server.impl.status.FourLetterWordsInTests;
import dev.menagerie.testing.Components;
import dev.menagerie.testing.FreePorts;
import dev.menagerie.testing.ZooCfg;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * A Menagerie standalone server in this JVM, on a free loopback port, with the real transport and the storage engine
 * its zoo.cfg names.
 */
public final class InJvmMenagerie implements AutoCloseable {

    private final Path dir;
    private final int port;
    private final Storage storage;
    private final StandaloneServer server;
    private final MetricsRegistry metrics = Components.create(MetricsRegistry.class).service();
    private final TransportSlot transports = new TransportSlot(metrics.counterSet(TransportSlot.SWAPS));

    public InJvmMenagerie(Path dir, String transport, String... extraConfigLines) throws Exception {
        this(dir, FreePorts.next(), transport, extraConfigLines);
    }

    public InJvmMenagerie(Path dir, int port, String transport, String... extraConfigLines) throws Exception {
        this(dir, port, UnaryOperator.identity(), transport, extraConfigLines);
    }

    /** @param storageView wraps the real storage the server gets (a test slowing the disk down) */
    public InJvmMenagerie(Path dir, int port, UnaryOperator<Storage> storageView, String transport,
            String... extraConfigLines) throws Exception {
        this.dir = dir;
        this.port = port;
        // The admin bundle registers its metrics when it starts (its JVM pause monitor asks for them), as here.
        new AdminMetrics(metrics);
        ServerConfig config = ZooCfg.standalone(dir.resolve("data"), port).lines(extraConfigLines)
                .writeAndRead(dir.resolve("zoo.cfg"));
        // The engine zoo.cfg's storage key names, as the runtime binds it (file unless a test says storage=memory).
        storage = Components.create(StorageFactory.class, StorageFactory.TYPE, config.storageType(), metrics)
                .service().open(ServerComponent.storageSettings(config));
        transports.offer(newTransport(transport, metrics), transport);
        try {
            server = new StandaloneServer(config, storageView.apply(storage), transports, new PluginProviders(),
                    FourLetterWordsInTests.handledByAdmin(metrics), metrics);
            server.start();
        } catch (Exception | Error e) {
            // A server that refuses its settings must not leave the storage's threads running in the test JVM.
            transports.close();
            storage.close();
            throw e;
        }
    }

    /**
     * A new instance of the transport bundle's service with {@code type=nio} or {@code type=netty}, given the
     * registry if it takes one (the netty transport feeds its TLS and buffer figures into it).
     */
    static ServerCnxnFactory newTransport(String type, MetricsRegistry metrics) {
        return Components.create(ServerCnxnFactory.class, ServerCnxnFactory.TYPE, type, metrics).service();
    }

    /** Swaps the client transport while the server runs, as a bundle swap does. */
    public void switchTransport(String type) {
        transports.offer(newTransport(type, metrics), type);
    }

    public String connectString() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Path dir() {
        return dir;
    }

    public StandaloneServer server() {
        return server;
    }

    /** The registry the server, its storage and its four-letter words share. */
    public MetricsRegistry metrics() {
        return metrics;
    }

    /**
     * Stops the server. Every test run this way also checks that each transaction's logged digest (computed in
     * prep, as Apache does) agreed with the tree after applying it.
     */
    @Override
    public void close() throws IOException {
        long digestMismatches = server.server().digestMismatches();
        server.stop();
        storage.close();
        if (digestMismatches != 0) {
            throw new AssertionError(digestMismatches + " transactions were logged with a digest the tree did not"
                    + " reach when they were applied");
        }
    }
}
