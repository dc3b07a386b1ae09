package dev.menagerie.server.impl.host;

import dev.menagerie.api.config.ServerConfig;
import dev.menagerie.api.metrics.MetricsRegistry;
import dev.menagerie.api.storage.Storage;
import dev.menagerie.api.storage.StorageFactory;
import dev.menagerie.api.storage.StorageSettings;
import dev.menagerie.api.transport.Connection;
import dev.menagerie.api.transport.ConnectionHandler;
import dev.menagerie.api.transport.ServerCnxnFactory;
import dev.menagerie.api.transport.TransportSettings;
import dev.menagerie.protocol.OpCode;
import dev.menagerie.protocol.data.Ids;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;
import dev.menagerie.protocol.proto.CreateRequest;
import dev.menagerie.server.impl.auth.PluginProviders;
import dev.menagerie.server.impl.core.ZooKeeperServer;
import dev.menagerie.server.impl.pipeline.Request;
import dev.menagerie.server.impl.status.FourLetterWordsInTests;
import dev.menagerie.testing.Components;
import dev.menagerie.testing.ZooCfg;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * One member of a three-server ensemble in this JVM: real file storage, a transport that opens no socket (it only
 * keeps the connection handler), and helpers to send requests the way a connection does.
 */
final class ReplicaFixture implements AutoCloseable {

    final Storage storage;
    final ReplicatedServer replica;
    final CapturingTransport transport = new CapturingTransport();
    /** The registry the replica's server records into. */
    final MetricsRegistry metrics = Components.create(MetricsRegistry.class).service();

    ReplicaFixture(Path dir, long myId) throws Exception {
        this(dir, myId, UnaryOperator.identity());
    }

    /** @param storageWrapper wraps the file storage the replica gets (and {@link #storage} is) */
    ReplicaFixture(Path dir, long myId, UnaryOperator<Storage> storageWrapper) throws Exception {
        Path dataDir = dir.resolve("data" + myId);
        Files.createDirectories(dataDir);
        Files.writeString(dataDir.resolve("myid"), Long.toString(myId));
        Path cfg = dir.resolve("zoo" + myId + ".cfg");
        Files.writeString(cfg, "tickTime=2000\ninitLimit=10\nsyncLimit=5\ndataDir=" + dataDir
                + "\nclientPort=2181\nclientPortAddress=127.0.0.1\n4lw.commands.whitelist=*\n"
                + "server.1=127.0.0.1:2888:3888\nserver.2=127.0.0.1:2889:3889\nserver.3=127.0.0.1:2890:3890\n");
        ServerConfig config = ZooCfg.read(cfg);
        StorageFactory files = Components.create(StorageFactory.class, StorageFactory.TYPE,
                ServerConfig.DEFAULT_STORAGE, metrics).service();
        // forceSync off: these tests are about the replica, not the disk
        storage = storageWrapper.apply(files.open(new StorageSettings(config.dataDir(), config.dataLogDir(),
                config.preAllocSizeBytes(), false, config.autopurgeSnapRetainCount(),
                config.autopurgeIntervalHours())));
        TransportSlot slot = new TransportSlot((role, delta) -> { });
        slot.offer(transport, "capturing");
        replica = new ReplicatedServer(config, storage, slot, new PluginProviders(),
                FourLetterWordsInTests.handledByAdmin(metrics), metrics);
        replica.start();
    }

    ZooKeeperServer server() {
        return replica.server();
    }

    /** A new session from a client connected here, as the connection layer starts one. */
    RecordingLink connect() {
        RecordingLink link = new RecordingLink();
        link.sessionId = server().registry().create(link, 30_000);
        return link;
    }

    void send(RecordingLink link, int xid, int type, JuteRecord body) {
        server().submit(new Request(link, link.sessionId, xid, type, bytes(body), List.of()));
    }

    static byte[] bytes(JuteRecord record) {
        JuteWriter out = new JuteWriter(64);
        record.write(out);
        return out.toByteArray();
    }

    static CreateRequest create(String path, String data) {
        return new CreateRequest(path, data.getBytes(StandardCharsets.UTF_8), Ids.OPEN_ACL_UNSAFE, 0);
    }

    static int createOp() {
        return OpCode.CREATE;
    }

    @Override
    public void close() throws IOException {
        replica.stop();
        storage.close();
    }

    /** Listens nowhere; keeps the handler the server opened it with. */
    static final class CapturingTransport implements ServerCnxnFactory {
        volatile ConnectionHandler handler;

        @Override
        public void start(TransportSettings settings, ConnectionHandler newHandler) {
            handler = newHandler;
        }

        @Override
        public InetSocketAddress boundAddress() {
            return null;
        }

        @Override
        public InetSocketAddress boundSecureAddress() {
            return null;
        }

        @Override
        public Collection<? extends Connection> connections() {
            return List.of();
        }

        @Override
        public void stop() {
            handler = null;
        }
    }
}
