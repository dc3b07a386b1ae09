package dev.menagerie.launcher.impl;

import dev.menagerie.api.config.ServerConfig;
import dev.menagerie.api.config.StrategyTargets;
import dev.menagerie.api.metrics.MetricsRegistry;
import dev.menagerie.api.replication.QuorumPeerFactory;
import dev.menagerie.api.status.FourLetterWordHandler;
import dev.menagerie.api.storage.StorageFactory;
import dev.menagerie.api.transport.ServerCnxnFactory;
import dev.menagerie.server.embed.EmbeddedReplica;
import dev.menagerie.server.embed.EmbeddedStandalone;
import dev.menagerie.server.embed.ProvidedStrategies;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A standalone server or an ensemble member on the module path, hosted as the embedded library hosts one
 * ({@code dev.menagerie.server.embed}), with the strategies zoo.cfg chose.
 */
final class RunningServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RunningServer.class);
    /** How often the main thread looks whether the server stopped itself (a fail-stop). */
    private static final long STOP_POLL_MS = 500;
    /** The {@code type} of the admin module's four-letter words: not a choice, the one answer the runtime has. */
    static final String FOUR_LETTER_WORDS = "admin";

    private final AutoCloseable server;
    private final BooleanSupplier stoppedItself;
    private volatile boolean closing;

    private RunningServer(AutoCloseable server, BooleanSupplier stoppedItself) {
        this.server = server;
        this.stoppedItself = stoppedItself;
    }

    static RunningServer start(ServerConfig config, ProvidedStrategies strategies, MetricsRegistry metrics)
            throws IOException {
        long startNanos = System.nanoTime();
        strategies.offer(MetricsRegistry.class, metrics);
        StorageFactory storage = strategies.chosen(StrategyTargets.STORAGE, StorageFactory.class);
        ServerCnxnFactory transport = strategies.chosen(StrategyTargets.CNXN_FACTORY, ServerCnxnFactory.class);
        Optional<FourLetterWordHandler> fourLetterWords = strategies.optional(FourLetterWordHandler.class,
                FOUR_LETTER_WORDS);
        if (fourLetterWords.isEmpty()) {
            LOG.info("No module answers four-letter words (dev.menagerie.admin is not on the module path): they are"
                    + " refused");
        }
        RunningServer running;
        if (config.standalone()) {
            EmbeddedStandalone standalone = EmbeddedStandalone.start(config, storage, transport,
                    config.cnxnFactoryType(), metrics, fourLetterWords);
            running = new RunningServer(standalone, standalone::stopped);
        } else {
            QuorumPeerFactory peers = strategies.peers();
            EmbeddedReplica replica = EmbeddedReplica.start(config, storage, transport, config.cnxnFactoryType(),
                    metrics, peers, fourLetterWords);
            running = new RunningServer(replica, replica::stopped);
        }
        LOG.info("Menagerie {} started on the module path (no OSGi framework) in {} ms: {}",
                config.standalone() ? "standalone server" : "server " + config.myId().orElseThrow(),
                (System.nanoTime() - startNanos) / 1_000_000, strategies.describe());
        return running;
    }

    /**
     * Returns once {@code signalled} counts down (the shutdown hook closed the server); exits the JVM with status 1
     * when the server stopped itself first, as Apache's does after a fail-stop.
     */
    void awaitStop(CountDownLatch signalled) {
        try {
            while (!signalled.await(STOP_POLL_MS, TimeUnit.MILLISECONDS)) {
                if (!closing && stoppedItself.getAsBoolean()) {
                    LOG.error("The server stopped itself (the ERROR above says why); exiting");
                    System.exit(ModulePathMain.EXIT_CANNOT_START);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the server, its transport and its storage (and, in an ensemble, its peer and election). */
    @Override
    public void close() {
        closing = true;
        try {
            server.close();
        } catch (Exception e) {
            LOG.warn("Stopping the server failed: {}", e.getMessage());
        }
    }
}
