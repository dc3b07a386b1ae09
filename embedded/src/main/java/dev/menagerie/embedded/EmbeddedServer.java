package dev.menagerie.embedded;

import dev.menagerie.api.config.ServerConfig;
import dev.menagerie.server.embed.EmbeddedStandalone;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Menagerie standalone server in this JVM, on the class path, listening on a loopback port. Made by
 * {@link #standalone()}; the equivalent of Curator's {@code TestingServer}: {@link #connectString()},
 * {@link #stop()}, {@link #restart()} (same port; the data survive only with {@code storage=file}) and
 * {@link #close()}, which also deletes the temporary folder it made.
 */
public final class EmbeddedServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedServer.class);

    private final Path zooCfg;
    private final ServerConfig config;
    private final int port;
    private final Optional<Path> madeFolder;
    private EmbeddedStandalone running;
    private boolean closed;

    EmbeddedServer(Path zooCfg, ServerConfig config, int port, Optional<Path> madeFolder) {
        this.zooCfg = zooCfg;
        this.config = config;
        this.port = port;
        this.madeFolder = madeFolder;
    }

    /** A builder of a standalone server: memory storage, the NIO transport, a free loopback port. */
    public static EmbeddedServerBuilder standalone() {
        return new EmbeddedServerBuilder();
    }

    /**
     * Starts the server; it accepts clients when this returns. Starting a running server does nothing.
     *
     * @throws IOException when the port is taken or, with {@code storage=file}, the data cannot be loaded
     */
    public synchronized void start() throws IOException {
        if (closed) {
            throw new IllegalStateException("the server was closed; build a new one");
        }
        if (running != null) {
            return;
        }
        long startNanos = System.nanoTime();
        ServerServices services = ServerServices.of(config);
        try {
            running = EmbeddedStandalone.start(config, services.storage(), services.transport(),
                    config.cnxnFactoryType(), services.metrics(), Optional.empty());
        } catch (IOException e) {
            throw new IOException("Menagerie server on " + connectString() + " did not start: " + e.getMessage(), e);
        }
        LOG.info("Menagerie server ready on {} in {} ms (storage={}, serverCnxnFactory={}, zoo.cfg {})",
                connectString(), (System.nanoTime() - startNanos) / 1_000_000, config.storageType(),
                config.cnxnFactoryType(), zooCfg);
    }

    /** Stops the server and frees its port; {@link #start()} or {@link #restart()} runs it again on that port. */
    public synchronized void stop() {
        if (running != null) {
            running.close();
            running = null;
        }
    }

    /**
     * Stops and starts the server on the same port. With {@code storage=file} it reloads its data and sessions, as
     * Apache's does. With {@code storage=memory} it comes back empty and without sessions: a client from before is
     * refused while it has seen a later zxid than the server, then told that its session expired.
     */
    public synchronized void restart() throws IOException {
        stop();
        start();
    }

    public synchronized boolean isRunning() {
        return running != null;
    }

    /** {@code 127.0.0.1:<port>}, for a ZooKeeper client. */
    public String connectString() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** The zoo.cfg the server runs on (its data are beside it with {@code storage=file}). */
    public Path zooCfg() {
        return zooCfg;
    }

    /** Stops the server and deletes the folder it made (a folder given to the builder is kept). */
    @Override
    public synchronized void close() throws IOException {
        stop();
        closed = true;
        if (madeFolder.isPresent()) {
            TemporaryFolders.delete(madeFolder.get());
        }
    }
}
