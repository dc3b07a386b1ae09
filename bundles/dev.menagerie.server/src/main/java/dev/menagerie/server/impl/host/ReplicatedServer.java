package dev.menagerie.server.impl.host;

import dev.menagerie.api.config.ServerConfig;
import dev.menagerie.api.election.PeerState;
import dev.menagerie.api.metrics.MetricsRegistry;
import dev.menagerie.api.replication.Forwarder;
import dev.menagerie.api.replication.Proposer;
import dev.menagerie.api.replication.QuorumPeer;
import dev.menagerie.api.replication.Replica;
import dev.menagerie.api.status.QuorumStatus;
import dev.menagerie.api.status.ServerStatus;
import dev.menagerie.api.storage.LogCursor;
import dev.menagerie.api.storage.LogEntry;
import dev.menagerie.api.storage.Storage;
import dev.menagerie.protocol.data.Id;
import dev.menagerie.server.impl.auth.PluginProviders;
import dev.menagerie.server.impl.cnxn.ClientProtocolHandler;
import dev.menagerie.server.impl.core.ServerSettings;
import dev.menagerie.server.impl.core.ZooKeeperServer;
import dev.menagerie.server.impl.db.Database;
import dev.menagerie.server.impl.loading.LoadedDatabase;
import dev.menagerie.server.impl.loading.LoggedTxn;
import dev.menagerie.server.impl.pipeline.CommittedTxn;
import dev.menagerie.server.impl.pipeline.LearnerStage;
import dev.menagerie.server.impl.pipeline.Pipeline;
import dev.menagerie.server.impl.pipeline.Request;
import dev.menagerie.server.impl.status.FourLetterWordSlot;
import dev.menagerie.server.impl.status.ServerGauges;
import dev.menagerie.server.impl.tree.DataTree;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server in an ensemble, as the quorum peer drives it: the database, the role it serves in (leader, learner or
 * none) and the client port. Until the peer gives it a role the port is open but every client is turned away
 * (four-letter words still answer), as Apache's server does while it elects and syncs.
 */
public final class ReplicatedServer implements Replica {

    private static final Logger LOG = LoggerFactory.getLogger(ReplicatedServer.class);
    /** A log that has not finished its writes in this long is a dead disk: the server stops. */
    private static final long PENDING_APPENDS_TIMEOUT_MS = 120_000;
    /** Per node in a snapshot body besides path and data: two lengths (8), the ACL reference (8), the stat (60). */
    static final long SNAPSHOT_BYTES_PER_NODE = 76;

    /** A server's role while serving. */
    private enum Role { NONE, LEADER, LEARNER }

    private final ServerConfig config;
    private final ZooKeeperServer server;
    private final AppendTracker appends;
    private final TransportSlot transports;
    private final FourLetterWordSlot fourLetterWords;
    private final MetricsRegistry metrics;
    private ServerGauges gauges;
    private ClientProtocolHandler handler;
    private TransportPlan plan;
    private volatile QuorumPeer peer;
    private volatile Role role = Role.NONE;
    /** See {@link #logIntactAfterZxid()}; nothing is trusted until the database is loaded. */
    private volatile long logIntactAfterZxid = Long.MAX_VALUE;
    /** The learner's stage while serving as one; guarded by this. */
    private LearnerStage learner;

    /**
     * @param plugins the authentication providers of plugin bundles, which zoo.cfg's authProvider.N selects
     * @param fourLetterWords the handler that answers the client port's four-letter words
     * @param metrics the registry the server's metrics go to
     */
    public ReplicatedServer(ServerConfig config, Storage storage, TransportSlot transports, PluginProviders plugins,
            FourLetterWordSlot fourLetterWords, MetricsRegistry metrics) {
        this.fourLetterWords = fourLetterWords;
        this.metrics = metrics;
        this.config = config;
        this.appends = new AppendTracker(storage);
        this.server = new ZooKeeperServer(ServerSettings.from(config), appends, config.myId().orElse(0L), plugins,
                metrics);
        this.transports = transports;
        this.plan = TransportPlan.from(config);
        server.failStop().onStop(this::stop);
        server.modeSource(this::mode);
        server.monitorSource(() -> {
            QuorumPeer current = peer;
            return current == null ? Map.of() : current.monitorValues();
        });
        server.peerSource(() -> peer);
        server.quorumSource(() -> {
            QuorumPeer current = peer;
            return current == null ? null : new QuorumStatus(current.leaderId(), current.zabState());
        });
    }

    /**
     * Loads the database and opens the client port; clients are served once the peer gives a role. As Apache's
     * quorum peer, it snapshots only an empty data directory (so a fresh server has snapshot 0 and a later TRUNC
     * can reload from the log). A snapshot of anything else would hold the log's tail, which may be transactions
     * no quorum accepted; a later TRUNC would discard them from the log but loading that snapshot would bring them
     * back.
     */
    public void start() throws IOException {
        server.audit().start(() -> {
            synchronized (this) {
                LoadedDatabase loaded = server.loadDatabase();
                logIntactAfterZxid = loaded.snapshotZxid();
                if (loaded.emptyDataDir()) {
                    server.snapshotNow();
                }
            }
            handler = new ClientProtocolHandler(server, fourLetterWords);
            gauges = new ServerGauges(metrics, handler.status(), server.stats(), server.connectionThrottle(),
                    transports::outstandingTlsHandshakes, () -> server.db() == null ? null : server.db().tree());
            transports.open(plan, handler);
        });
    }

    /**
     * What a fail-stop does instead of stopping this server (the host stops the peer and this server, and may end
     * the process).
     */
    public void onFailStop(Runnable action) {
        server.failStop().onStop(action);
    }

    /** The quorum peer hit what must never happen (a failed election step): this server stops. */
    @Override
    public void failStop(String what, Throwable cause) {
        server.failStop().stop(what, cause);
    }

    /** The peer this replica was handed to, whose state names the mode in four-letter words. */
    public void peer(QuorumPeer newPeer) {
        peer = newPeer;
    }

    /** Applies what can change live (limits, whitelist, timeouts) and rebinds the port if its address changed. */
    public void apply(ServerConfig newConfig) {
        server.updateSettings(ServerSettings.from(newConfig));
        plan = TransportPlan.from(newConfig);
        transports.replan(plan);
    }

    public void stop() {
        server.audit().serverStopping();
        stopServing();
        transports.close();
        if (gauges != null) {
            gauges.close();
        }
        if (handler != null) {
            handler.close();
        }
        server.shutdown();
    }

    public ZooKeeperServer server() {
        return server;
    }

    /** What four-letter words and admin commands report about this server; once {@link #start()} ran. */
    public ServerStatus status() {
        return handler.status();
    }

    @Override
    public ServerConfig config() {
        return config;
    }

    @Override
    public Storage storage() {
        return server.storage();
    }

    @Override
    public long lastProcessedZxid() {
        return server.lastProcessedZxid();
    }

    // ---- roles ----

    @Override
    public synchronized void serveAsLeader(long lastZxid, Proposer proposer) {
        endRole();
        // As Apache's new leader: every session gets a full timeout from now, whoever touched it last.
        touchSessions(server.sessions().sessionTimeouts());
        server.startServing(Pipeline.leader(server.stageContext(), lastZxid, proposer), true);
        role = Role.LEADER;
        LOG.info("Serving as leader after zxid 0x{}", Long.toHexString(lastZxid));
    }

    @Override
    public synchronized void serveAsLearner(Forwarder forwarder) {
        // No catching up with the log here: the proposals the leader sent while syncing are logged, and their
        // commits come next; applying them now would apply them twice (the digest mismatch once seen on a
        // restarted server). The role before this one caught up when it ended.
        server.stopServing(false);
        learner = new LearnerStage(server.stageContext(), forwarder);
        server.startServing(learner, false);
        role = Role.LEARNER;
        LOG.info("Serving as learner at zxid 0x{}", Long.toHexString(server.lastProcessedZxid()));
    }

    @Override
    public CompletionStage<Long> holdRequests() {
        return server.holdRequests();
    }

    @Override
    public void releaseRequests() {
        server.releaseRequests();
    }

    /** Drops the requests in flight (see {@link #endRole}), then the connections, so clients move on. */
    @Override
    public void stopServing() {
        endRole();
        ClientProtocolHandler current = handler;
        if (current != null) {
            current.closeAll();
        }
    }

    /**
     * Ends the role; committed transactions already handed to the learner stage are applied first. Then, as
     * Apache's {@code fastForwardDataBase}, the tree catches up with the log: proposals this server logged but saw
     * no commit for are applied, so that {@link #lastProcessedZxid} is what the next election and sync start from.
     */
    private synchronized void endRole() {
        server.stopServing(false);
        learner = null;
        role = Role.NONE;
        if (server.failStop().stopped()) {
            return;
        }
        try {
            awaitPendingAppends();
            fastForward();
        } catch (IOException | RuntimeException e) {
            server.failStop().stop("catching up with the log after 0x" + Long.toHexString(server.lastProcessedZxid())
                    + " failed", e);
        }
    }

    /**
     * The role's proposals still on their way to the log get there first (see {@link AppendTracker}), so the
     * catch-up below, the next vote and the next sync all see the log as it will stay.
     */
    private void awaitPendingAppends() throws IOException {
        try {
            if (!appends.awaitAppends(PENDING_APPENDS_TIMEOUT_MS)) {
                throw new IOException(appends.pendingAppends() + " appends to the transaction log did not complete"
                        + " within " + PENDING_APPENDS_TIMEOUT_MS / 1000 + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the transaction log", e);
        }
    }

    private void fastForward() throws IOException {
        long from = server.lastProcessedZxid();
        try (LogCursor cursor = server.storage().readLog(from + 1)) {
            for (LogEntry entry = cursor.next(); entry != null; entry = cursor.next()) {
                if (entry.zxid() > server.lastProcessedZxid()) {
                    server.applyDirectly(decode(entry));
                }
            }
        }
        if (server.lastProcessedZxid() != from) {
            LOG.info("Applied the logged transactions 0x{} to 0x{} that had no commit yet", Long.toHexString(from + 1),
                    Long.toHexString(server.lastProcessedZxid()));
        }
    }

    // ---- the database ----

    @Override
    public synchronized void applyCommitted(LogEntry entry) {
        CommittedTxn txn;
        try {
            txn = decode(entry);
        } catch (RuntimeException e) {
            // Every server must apply it, and this one cannot: its tree would fall behind for good.
            server.failStop().stop("committed transaction 0x" + Long.toHexString(entry.zxid())
                    + " cannot be decoded", e);
            throw e;
        }
        if (learner == null || !learner.committed(txn)) {
            server.applyDirectly(txn);
        }
    }

    /** Apache's {@code ZKDatabase.serializeSnapshot}: sessions then the tree, no seals, digest or zxid. */
    @Override
    public void writeSnapshot(OutputStream out) throws IOException {
        Database db = server.db();
        db.tree().writeSnapStream(out, db.sessions().sessionTimeouts());
    }

    @Override
    public synchronized void loadSnapshot(InputStream in, long zxid) throws IOException {
        ServerSettings s = server.settings();
        var loaded = DataTree.readSnapStream(in, s.prep().extendedTypesEnabled(), s.maxRecordBytes() + 1024);
        loaded.tree().setLastProcessedZxid(zxid);
        loaded.tree().markFuzzy();
        server.installDatabase(loaded.tree(), loaded.sessionTimeouts());
        logIntactAfterZxid = zxid;
        LOG.info("Loaded the leader's snapshot 0x{}: {} nodes, {} sessions", Long.toHexString(zxid),
                loaded.tree().nodeCount(), loaded.sessionTimeouts().size());
    }

    @Override
    public synchronized void truncate(long zxid) throws IOException {
        LOG.warn("Truncating the log after zxid 0x{} as the leader asks", Long.toHexString(zxid));
        server.storage().truncateLog(zxid);
        logIntactAfterZxid = server.loadDatabase().snapshotZxid();
    }

    @Override
    public long logIntactAfterZxid() {
        return logIntactAfterZxid;
    }

    /**
     * A snapshot body holds each node's path and data (what the tree counts as its approximate data size) and about
     * {@value #SNAPSHOT_BYTES_PER_NODE} bytes more per node: the two lengths, the ACL reference and the stat.
     */
    @Override
    public long snapshotSizeEstimate() {
        Database db = server.db();
        if (db == null) {
            return 0;
        }
        return db.tree().approximateDataSize() + SNAPSHOT_BYTES_PER_NODE * db.tree().nodeCount();
    }

    @Override
    public synchronized void takeSnapshot() throws IOException {
        server.snapshotNow();
    }

    private CommittedTxn decode(LogEntry entry) {
        return LoggedTxn.committed(entry, server.settings().maxRecordBytes() + 1024);
    }

    // ---- sessions ----

    /**
     * Queues a learner's write; it gets no direct answer, the learner sees the committed transaction. When the
     * pipeline is full the write is refused with a warning, and the learner's client times out and retries, as
     * for a write that reaches a leader that is not serving yet.
     */
    @Override
    public void submitForwarded(long sessionId, int cxid, int type, byte[] body, List<Forwarder.AuthId> authIds) {
        List<Id> ids = new ArrayList<>(authIds.size());
        for (Forwarder.AuthId id : authIds) {
            ids.add(new Id(id.scheme(), id.id()));
        }
        // No client: the learner answers its own client when it applies the commit.
        Request request = new Request(null, sessionId, cxid, type, body, ids);
        if (!server.submitInternal(request) && server.serving()) {
            LOG.warn("Refusing forwarded {}: the request queue is full", request);
        }
    }

    @Override
    public void touchSessions(Map<Long, Integer> timeoutsMsBySession) {
        long now = System.currentTimeMillis();
        timeoutsMsBySession.forEach((id, timeoutMs) -> server.sessions().touch(id, timeoutMs, now));
    }

    /** As Apache's leader revalidates: touching succeeds only for a session that is alive and not closing. */
    @Override
    public boolean revalidateSession(long sessionId, int timeoutMs) {
        return server.registry().touch(sessionId, timeoutMs);
    }

    @Override
    public Map<Long, Integer> localSessions() {
        return server.registry().localSessionTimeouts();
    }

    /** Apache's ServerStats.getServerState: the peer's role; without a peer, the role this replica was given. */
    private String mode() {
        QuorumPeer current = peer;
        PeerState state = current == null ? null : current.state();
        if (state != null) {
            return switch (state) {
                case LEADING -> "leader";
                case FOLLOWING -> "follower";
                case OBSERVING -> "observer";
                case LOOKING -> "looking";
            };
        }
        return switch (role) {
            case LEADER -> "leader";
            case LEARNER -> "follower";
            case NONE -> "looking";
        };
    }
}
