package dev.menagerie.server.e2e;

import dev.menagerie.testing.FreePorts;
import java.io.File;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.zookeeper.metrics.impl.DefaultMetricsProvider;
import org.apache.zookeeper.server.NIOServerCnxnFactory;
import org.apache.zookeeper.server.ServerCnxnFactory;
import org.apache.zookeeper.server.ServerMetrics;
import org.apache.zookeeper.server.ZooKeeperServer;

/**
 * Apache ZooKeeper 3.9.5's own standalone server in this JVM (its NIO transport, its file storage), the reference
 * the differential tests compare Menagerie with. Apache reads enforceQuota and superDigest once per JVM, so the
 * tests that need them run in their own fork with the properties set (see the pom).
 */
final class InJvmApache implements AutoCloseable {

    private final ZooKeeperServer server;
    private final ServerCnxnFactory factory;
    private final int port;

    InJvmApache(Path dir) throws Exception {
        this(dir, "nio");
    }

    /** @param transport {@code nio} or {@code netty}: Apache's NIOServerCnxnFactory or its NettyServerCnxnFactory */
    InJvmApache(Path dir, String transport) throws Exception {
        File data = Files.createDirectories(dir.resolve("apache")).toFile();
        server = new ZooKeeperServer(data, data, 2000);
        port = FreePorts.next();
        factory = createFactory(transport);
        factory.configure(new InetSocketAddress("127.0.0.1", port), 60);
        factory.startup(server);
    }

    /** Apache picks its transport from a system property only; it is set for this one call. */
    private static ServerCnxnFactory createFactory(String transport) throws Exception {
        String className = switch (transport) {
            case "nio" -> NIOServerCnxnFactory.class.getName();
            case "netty" -> "org.apache.zookeeper.server.NettyServerCnxnFactory";
            default -> throw new IllegalArgumentException("no Apache transport " + transport);
        };
        String before = System.getProperty(ServerCnxnFactory.ZOOKEEPER_SERVER_CNXN_FACTORY);
        System.setProperty(ServerCnxnFactory.ZOOKEEPER_SERVER_CNXN_FACTORY, className);
        try {
            return ServerCnxnFactory.createFactory();
        } finally {
            if (before == null) {
                System.clearProperty(ServerCnxnFactory.ZOOKEEPER_SERVER_CNXN_FACTORY);
            } else {
                System.setProperty(ServerCnxnFactory.ZOOKEEPER_SERVER_CNXN_FACTORY, before);
            }
        }
    }

    /** What a test reads from a running Apache server. */
    interface Observation<T> {
        T of(InJvmApache server) throws Exception;
    }

    /**
     * Runs {@code observation} against a new nio server whose metrics provider is its own, so that no other test's
     * counts show in what it reads.
     */
    static <T> T observeWithOwnMetrics(Path dir, Observation<T> observation) throws Exception {
        DefaultMetricsProvider provider = new DefaultMetricsProvider();
        provider.start();
        ServerMetrics.metricsProviderInitialized(provider);
        try (InJvmApache server = new InJvmApache(dir)) {
            return observation.of(server);
        } finally {
            provider.stop();
        }
    }

    int port() {
        return port;
    }

    String connectString() {
        return "127.0.0.1:" + port;
    }

    @Override
    public void close() {
        factory.shutdown();
        server.shutdown();
    }
}
