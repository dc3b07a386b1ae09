package dev.menagerie.server.impl.status;

import dev.menagerie.api.auth.ConnectionInfo;
import dev.menagerie.api.replication.QuorumPeer;
import dev.menagerie.api.status.AdminAccess;
import dev.menagerie.api.status.ConnectionStatus;
import dev.menagerie.api.status.DataTreeStatus;
import dev.menagerie.api.status.DiskUsage;
import dev.menagerie.api.status.Latency;
import dev.menagerie.api.status.LeadershipTransfer;
import dev.menagerie.api.status.LearnerConnection;
import dev.menagerie.api.status.LoggedDigest;
import dev.menagerie.api.status.NodeStatus;
import dev.menagerie.api.status.QuorumStatus;
import dev.menagerie.api.status.ServerStatus;
import dev.menagerie.api.status.ServerSummary;
import dev.menagerie.api.status.ServingConfiguration;
import dev.menagerie.api.status.SessionsStatus;
import dev.menagerie.api.status.SnapshotFile;
import dev.menagerie.api.status.SnapshotStatus;
import dev.menagerie.api.status.WatchesStatus;
import dev.menagerie.server.impl.core.ServerSettings;
import dev.menagerie.server.impl.core.ZooKeeperServer;
import dev.menagerie.server.impl.loading.DatabaseLoader;
import dev.menagerie.server.impl.stats.LatencyStats;
import dev.menagerie.server.impl.stats.ServerStats;
import dev.menagerie.server.impl.tree.DataTree;
import dev.menagerie.server.impl.tree.LoadedSnapshot;
import dev.menagerie.server.impl.watch.WatchManager;
import dev.menagerie.server.impl.watch.WatchesSummary;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link ServerStatus} of one server and its client port, read from the server's own getters on each call. */
public final class ServerStatusView implements ServerStatus {

    private static final Logger LOG = LoggerFactory.getLogger(ServerStatusView.class);
    /** The folder under dataDir and dataLogDir that holds Apache's files. */
    private static final String VERSION_FOLDER = "version-2";

    private final ZooKeeperServer server;
    private final ClientConnections connections;

    public ServerStatusView(ZooKeeperServer server, ClientConnections connections) {
        this.server = server;
        this.connections = connections;
    }

    /** One connection's latencies as the status reports them. */
    public static Latency latency(LatencyStats stats) {
        return new Latency(stats.minMs(), stats.avgMs(), stats.maxMs());
    }

    @Override
    public String version() {
        return BuildVersion.full();
    }

    @Override
    public ServerSummary summary() {
        ServerStats stats = server.stats();
        return new ServerSummary(server.mode(), server.serving(), server.lastProcessedZxid(),
                latency(stats.latency()), stats.packetsReceived(), stats.packetsSent(),
                connections.connectionCount(), server.queuedRequests(), stats.uptimeMs(), stats.authFailures(),
                server.digestMismatches());
    }

    @Override
    public List<ConnectionStatus> connections() {
        return List.copyOf(connections.connectionStatuses());
    }

    @Override
    public DataTreeStatus dataTree() {
        DataTree tree = server.tree();
        return new DataTreeStatus(tree.nodeCount(), tree.ephemeralsCount(), tree.approximateDataSize(),
                server.watches().watchCount(), tree.digest());
    }

    @Override
    public List<LoggedDigest> digestLog() {
        return server.tree().digestLog().stream()
                .map(entry -> new LoggedDigest(entry.zxid(), entry.digestVersion(), entry.digest())).toList();
    }

    @Override
    public SessionsStatus sessions() {
        Map<Long, List<String>> ephemerals = new TreeMap<>();
        server.tree().ephemeralsBySession().forEach((id, paths) -> ephemerals.put(id, paths.stream().sorted().toList()));
        return new SessionsStatus(server.sessions().sessionCount(), server.sessions().sessionExpiryMap(), ephemerals);
    }

    @Override
    public WatchesStatus watches() {
        return watchesOf(server.watches().dataWatches());
    }

    /** What {@code wchs}, {@code wchc} and {@code wchp} report of {@code watches}, sorted by session and path. */
    public static WatchesStatus watchesOf(WatchManager watches) {
        WatchesSummary summary = watches.summary();
        List<WatchesStatus.ConnectionWatches> byConnection = watches.pathsByWatcher().entrySet().stream()
                .map(entry -> new WatchesStatus.ConnectionWatches(entry.getKey().sessionId(),
                        List.copyOf(entry.getValue())))
                .sorted(Comparator.comparingLong(WatchesStatus.ConnectionWatches::sessionId))
                .toList();
        Map<String, List<Long>> byPath = new TreeMap<>();
        watches.sessionsByPath().forEach((path, ids) -> byPath.put(path, List.copyOf(ids)));
        return new WatchesStatus(summary.numConnections(), summary.numPaths(), summary.totalWatches(), byConnection,
                byPath);
    }

    @Override
    public ServingConfiguration configuration() {
        ServerSettings settings = server.settings();
        return new ServingConfiguration(settings.clientPort(), settings.dataDir(), settings.dataLogDir(),
                settings.tickTimeMs(), settings.maxClientCnxns(), settings.minSessionTimeoutMs(),
                settings.maxSessionTimeoutMs(), settings.serverId(), settings.quorumConf());
    }

    @Override
    public SnapshotFile takeSnapshot() throws IOException {
        long zxid = server.snapshotNow();
        Path folder = server.settings().dataDir().resolve(VERSION_FOLDER);
        String name = "snapshot." + Long.toHexString(zxid);
        // The storage names the file; the compressed forms are Apache's (snapshot.compression.method).
        for (String suffix : List.of("", ".gz", ".snappy")) {
            Path file = folder.resolve(name + suffix);
            if (Files.isRegularFile(file)) {
                return new SnapshotFile(zxid, file);
            }
        }
        throw new IOException("snapshot 0x" + Long.toHexString(zxid) + " was written, but not as a file in "
                + folder);
    }

    @Override
    public void purge() throws IOException {
        server.storage().purge();
    }

    @Override
    public long restoreSnapshot(InputStream snapshot) throws IOException {
        ServerSettings settings = server.settings();
        // Read and checked before the server is touched: a bad stream changes nothing.
        LoadedSnapshot loaded = new DatabaseLoader(server.storage(), settings.prep().extendedTypesEnabled(),
                settings.maxRecordBytes() + 1024, settings.trustEmptySnapshot()).readStreamed(snapshot);
        long zxid = server.restore(loaded);
        // Watches and connections belong to the old tree: clients reconnect, and set their watches again.
        connections.closeAll();
        return zxid;
    }

    @Override
    public Optional<NodeStatus> node(String path) {
        return NodeReader.read(server.tree(), path);
    }

    @Override
    public AdminAccess checkAccess(String scheme, byte[] credentials, ConnectionInfo connection, String path,
            int perms) {
        return AdminAccessCheck.check(server, scheme, credentials, connection, path, perms);
    }

    @Override
    public DiskUsage diskUsage() {
        ServerSettings settings = server.settings();
        return new DiskUsage(bytesIn(settings.dataDir()), bytesIn(settings.dataLogDir()));
    }

    @Override
    public Map<String, Object> quorumMonitorValues() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(server.extraMonitorValues()));
    }

    @Override
    public QuorumStatus quorum() {
        return server.quorumStatus();
    }

    @Override
    public long currentZxid() {
        return server.currentZxid();
    }

    @Override
    public long electionTimeTakenMs() {
        QuorumPeer peer = server.quorumPeer();
        return peer == null ? 0 : peer.electionTimeTakenMs();
    }

    @Override
    public List<LearnerConnection> learnerConnections() {
        QuorumPeer peer = server.quorumPeer();
        return peer == null ? List.of() : List.copyOf(peer.learnerConnections());
    }

    @Override
    public boolean terminateLearnerConnection(long sid) {
        QuorumPeer peer = server.quorumPeer();
        boolean dropped = peer != null && peer.terminateLearnerConnection(sid);
        LOG.info("Terminating the connection of learner {} on demand: {}", sid,
                dropped ? "dropped; it reconnects and syncs again" : "no such learner is connected to this leader");
        return dropped;
    }

    @Override
    public CompletionStage<LeadershipTransfer> transferLeadership(long targetSid) {
        QuorumPeer peer = server.quorumPeer();
        if (peer == null) {
            return CompletableFuture.completedStage(LeadershipTransfer.refused(targetSid,
                    "this server is not part of an ensemble"));
        }
        return peer.transferLeadership(targetSid);
    }

    @Override
    public SnapshotStatus lastSnapshot() {
        return server.lastSnapshot();
    }

    @Override
    public void resetStatistics(Statistics which) {
        switch (which) {
            case SERVER -> server.stats().reset();
            case CONNECTIONS -> connections.resetConnectionStatistics();
        }
        LOG.info("{} statistics reset", which == Statistics.SERVER ? "Server" : "Connection");
    }

    private static long bytesIn(Path dir) {
        Path versioned = dir.resolve(VERSION_FOLDER);
        if (!Files.isDirectory(versioned)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(versioned)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        } catch (IOException e) {
            LOG.debug("Cannot list {}: {}", versioned, e.getMessage());
            return 0;
        }
    }
}
