package dev.menagerie.server.e2e;

import dev.menagerie.api.config.ServerConfig;
import dev.menagerie.api.storage.Storage;
import dev.menagerie.api.transport.ServerCnxnFactory;
import dev.menagerie.config.impl.ConfigParser;
import dev.menagerie.server.impl.auth.PluginProviders;
import dev.menagerie.server.impl.host.ServerComponent;
import dev.menagerie.server.impl.host.StandaloneServer;
import dev.menagerie.server.impl.host.TransportSlot;
import dev.menagerie.server.impl.status.FourLetterWordsInTests;
import dev.menagerie.storage.file.impl.FileStorageFactory;
import dev.menagerie.transport.netty.impl.NettyServerCnxnFactory;
import dev.menagerie.transport.nio.impl.NioServerCnxnFactory;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/** A Menagerie standalone server in this JVM, on a free loopback port, with the real transport and storage. */
public final class MenagerieServer implements AutoCloseable {

    private final Path dir;
    private final int port;
    private final Storage storage;
    private final StandaloneServer server;
    private final TransportSlot transports = new TransportSlot();

    public MenagerieServer(Path dir, String transport, String... extraConfigLines) throws Exception {
        this(dir, freePort(), transport, extraConfigLines);
    }

    public MenagerieServer(Path dir, int port, String transport, String... extraConfigLines) throws Exception {
        this.dir = dir;
        this.port = port;
        Path cfg = dir.resolve("zoo.cfg");
        StringBuilder text = new StringBuilder("tickTime=2000\ndataDir=" + dir.resolve("data") + "\nclientPort="
                + port + "\nclientPortAddress=127.0.0.1\n4lw.commands.whitelist=*\nadmin.enableServer=false\n");
        for (String line : extraConfigLines) {
            text.append(line).append('\n');
        }
        Files.writeString(cfg, text);
        ServerConfig config = new ConfigParser(java.util.Map.of()).parse(cfg).config();
        storage = new FileStorageFactory().open(ServerComponent.storageSettings(config));
        transports.offer(newTransport(transport), transport);
        try {
            server = new StandaloneServer(config, storage, transports, new PluginProviders(),
                    FourLetterWordsInTests.handledByAdmin());
            server.start();
        } catch (Exception | Error e) {
            // A server that refuses its settings must not leave the storage's threads running in the test JVM.
            transports.close();
            storage.close();
            throw e;
        }
    }

    static ServerCnxnFactory newTransport(String type) {
        return "netty".equals(type) ? new NettyServerCnxnFactory() : new NioServerCnxnFactory();
    }

    /** Swaps the client transport while the server runs, as a bundle swap does. */
    public void switchTransport(String type) {
        transports.offer(newTransport(type), type);
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

    /**
     * A loopback port nothing listens on, drawn below Linux's ephemeral range (32768+): a port there may be the
     * local port of some outgoing connection, which refuses connections yet cannot be bound.
     */
    static int freePort() throws IOException {
        for (int tries = 0; tries < 200; tries++) {
            int port = java.util.concurrent.ThreadLocalRandom.current().nextInt(20_000, 32_000);
            try (ServerSocket socket = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
                return port;
            } catch (IOException inUse) {
                // try another
            }
        }
        throw new IOException("no free loopback port below the ephemeral range");
    }
}
