package dev.menagerie.admin.testing;

import dev.menagerie.api.auth.ConnectionInfo;
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
import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** A ServerStatus with public, changeable snapshots: what a test needs, without running a server. */
public final class FakeServerStatus implements ServerStatus {

    public String version = "3.9.5-menagerie-1.0.0, built on 2026-12-07 09:00 UTC";
    public ServerSummary summary = new ServerSummary("standalone", true, 0x1f, new Latency(1, 2.5, 7), 40, 39, 1,
            0, 60_000, 0, 0);
    public List<ConnectionStatus> connections = List.of();
    public DataTreeStatus dataTree = new DataTreeStatus(6, 1, 120, 2, 123456789L);
    public List<LoggedDigest> digestLog = List.of(new LoggedDigest(0x80, 2, 987654321L));
    public SessionsStatus sessions = new SessionsStatus(0, Map.of(), Map.of());
    public WatchesStatus watches = new WatchesStatus(0, 0, 0, List.of(), Map.of());
    public ServingConfiguration configuration = new ServingConfiguration(2181, Path.of("/data"), Path.of("/log"),
            2000, 60, 4000, 40000, 0, "");
    public DiskUsage diskUsage = new DiskUsage(1024, 2048);
    public Map<String, Object> quorumMonitorValues = Map.of();
    public QuorumStatus quorum = QuorumStatus.NONE;
    public List<LearnerConnection> learners = List.of();
    public long currentZxid = 0x20;
    public long electionTimeTakenMs;
    /** The learner ids {@link #terminateLearnerConnection} was asked to drop, in order. */
    public final List<Long> terminatedLearners = new ArrayList<>();
    public SnapshotStatus lastSnapshot = new SnapshotStatus(0x1e, 1_796_646_278L);
    /** What {@link #checkAccess} answers. */
    public AdminAccess access = AdminAccess.GRANTED;
    /** Every access check, as {@code scheme credentials path perms}. */
    public final List<String> accessChecks = new ArrayList<>();
    /** The client certificate chain of every access check, empty ones included. */
    public final List<List<X509Certificate>> certificateChains = new ArrayList<>();
    /** What {@link #takeSnapshot} returns; null makes it fail. */
    public SnapshotFile snapshotFile;
    /** How many snapshots were asked for. */
    public int snapshotsTaken;
    /** The nodes {@link #node} finds, by path. */
    public Map<String, NodeStatus> nodes = Map.of();
    /** What {@link #restoreSnapshot} answers: the zxid, or this exception when set. */
    public long restoredZxid = 0x2a;
    public Exception restoreFailure;
    /** The bytes of each restore asked for, in order. */
    public final List<byte[]> restoredStreams = new ArrayList<>();
    /** What {@link #purge} does; null makes it fail. */
    public PurgeAction purgeAction = () -> { };
    /** How many purges were asked for. */
    public int purges;
    /** Every reset asked for, in order. */
    public final List<Statistics> resets = new ArrayList<>();

    @Override
    public String version() {
        return version;
    }

    @Override
    public ServerSummary summary() {
        return summary;
    }

    @Override
    public List<ConnectionStatus> connections() {
        return connections;
    }

    @Override
    public DataTreeStatus dataTree() {
        return dataTree;
    }

    @Override
    public List<LoggedDigest> digestLog() {
        return digestLog;
    }

    @Override
    public SessionsStatus sessions() {
        return sessions;
    }

    @Override
    public WatchesStatus watches() {
        return watches;
    }

    @Override
    public ServingConfiguration configuration() {
        return configuration;
    }

    @Override
    public DiskUsage diskUsage() {
        return diskUsage;
    }

    @Override
    public Map<String, Object> quorumMonitorValues() {
        return quorumMonitorValues;
    }

    @Override
    public QuorumStatus quorum() {
        return quorum;
    }

    @Override
    public long currentZxid() {
        return currentZxid;
    }

    @Override
    public long electionTimeTakenMs() {
        return electionTimeTakenMs;
    }

    @Override
    public List<LearnerConnection> learnerConnections() {
        return learners;
    }

    /** The targets {@link #transferLeadership} was asked for, in order. */
    public final List<Long> transferTargets = new ArrayList<>();
    /** What {@link #transferLeadership} answers. */
    public volatile LeadershipTransfer transferOutcome = LeadershipTransfer.refused(-1, "not set in this test");

    @Override
    public CompletionStage<LeadershipTransfer> transferLeadership(long targetSid) {
        transferTargets.add(targetSid);
        return CompletableFuture.completedStage(transferOutcome);
    }

    /** Drops the learner from {@link #learners} when it is there. */
    @Override
    public boolean terminateLearnerConnection(long sid) {
        terminatedLearners.add(sid);
        List<LearnerConnection> left = learners.stream().filter(learner -> learner.sid() != sid).toList();
        boolean dropped = left.size() < learners.size();
        learners = left;
        return dropped;
    }

    @Override
    public SnapshotStatus lastSnapshot() {
        return lastSnapshot;
    }

    @Override
    public SnapshotFile takeSnapshot() throws IOException {
        snapshotsTaken++;
        if (snapshotFile == null) {
            throw new IOException("no snapshot file set in the fake");
        }
        return snapshotFile;
    }

    @Override
    public void purge() throws IOException {
        purges++;
        if (purgeAction == null) {
            throw new IOException("no purge action set in the fake");
        }
        purgeAction.run();
    }

    /** Stands in for the storage's purge: deletes whatever the test wants deleted. */
    @FunctionalInterface
    public interface PurgeAction {
        void run() throws IOException;
    }

    @Override
    public long restoreSnapshot(java.io.InputStream snapshot) throws IOException {
        restoredStreams.add(snapshot.readAllBytes());
        if (restoreFailure instanceof IOException e) {
            throw e;
        }
        if (restoreFailure instanceof RuntimeException e) {
            throw e;
        }
        return restoredZxid;
    }

    @Override
    public Optional<NodeStatus> node(String path) {
        return Optional.ofNullable(nodes.get(path));
    }

    @Override
    public AdminAccess checkAccess(String scheme, byte[] credentials, ConnectionInfo connection, String path,
            int perms) {
        accessChecks.add(scheme + " " + (credentials == null ? null : new String(credentials,
                java.nio.charset.StandardCharsets.UTF_8)) + " " + path + " " + perms);
        certificateChains.add(connection.certificateChain());
        return access;
    }

    @Override
    public void resetStatistics(Statistics which) {
        resets.add(which);
    }
}
