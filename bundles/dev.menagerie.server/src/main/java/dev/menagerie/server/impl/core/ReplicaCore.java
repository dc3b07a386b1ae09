package dev.menagerie.server.impl.core;

import dev.menagerie.api.replication.Forwarder;
import dev.menagerie.api.replication.Proposer;
import dev.menagerie.api.storage.LogCursor;
import dev.menagerie.api.storage.LogEntry;
import dev.menagerie.protocol.data.Id;
import dev.menagerie.protocol.jute.JuteException;
import dev.menagerie.protocol.txn.TxnDigest;
import dev.menagerie.server.impl.pipeline.CommittedTxn;
import dev.menagerie.server.impl.pipeline.LearnerStage;
import dev.menagerie.server.impl.pipeline.Request;
import dev.menagerie.server.impl.tree.DataTree;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database side of a quorum peer's replica: the roles (leader, learner, none), committed transactions from
 * the leader, the snapshot stream of a SNAP sync and truncation. Knows no sockets: the host adds the client port.
 */
public final class ReplicaCore {

    private static final Logger LOG = LoggerFactory.getLogger(ReplicaCore.class);

    /** A server's role while serving. */
    public enum Role { NONE, LEADER, LEARNER }

    private final ZooKeeperServer server;
    private volatile Role role = Role.NONE;
    private LearnerStage learner;

    public ReplicaCore(ZooKeeperServer server) {
        this.server = server;
    }

    public ZooKeeperServer server() {
        return server;
    }

    /**
     * Loads the database and snapshots it, as Apache's server does on start-up: a fresh server then has snapshot 0,
     * so a later TRUNC can reload from the log.
     */
    public synchronized void loadDatabase() throws IOException {
        server.loadDatabase();
        server.writeSnapshotFile(server.lastProcessedZxid());
    }

    public Role role() {
        return role;
    }

    public synchronized void serveAsLeader(long lastZxid, Proposer proposer) {
        stopServing();
        // As Apache's new leader: every session gets a full timeout from now, whoever touched it last.
        long now = System.currentTimeMillis();
        server.sessions().sessionTimeouts().forEach((id, timeoutMs) -> server.sessions().touch(id, timeoutMs, now));
        server.startServing(server.newPipeline(lastZxid, new ProposerReplication(proposer)), true);
        role = Role.LEADER;
        LOG.info("Serving as leader after zxid 0x{}", Long.toHexString(lastZxid));
    }

    public synchronized void serveAsLearner(Forwarder forwarder) {
        stopServing();
        learner = server.newLearnerStage(forwarder);
        server.startServing(learner, false);
        role = Role.LEARNER;
        LOG.info("Serving as learner at zxid 0x{}", Long.toHexString(server.lastProcessedZxid()));
    }

    /**
     * Ends the role; committed transactions already handed to the learner stage are applied first. Then, as
     * Apache's {@code fastForwardDataBase}, the tree catches up with the log: proposals this server logged but saw
     * no commit for are applied, so that {@link #lastProcessedZxid} is what the next election and sync start from.
     */
    public synchronized void stopServing() {
        server.stopServing(false);
        learner = null;
        role = Role.NONE;
        try {
            fastForward();
        } catch (IOException | IllegalArgumentException e) {
            LOG.error("Catching up with the log after 0x{} failed: {}", Long.toHexString(server.lastProcessedZxid()),
                    e.getMessage());
        }
    }

    public long lastProcessedZxid() {
        return server.lastProcessedZxid();
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

    public synchronized void applyCommitted(LogEntry entry) {
        CommittedTxn txn = decode(entry);
        if (learner != null) {
            learner.committed(txn);
        } else {
            server.applyDirectly(txn);
        }
    }

    public void submitForwarded(long sessionId, int cxid, int type, byte[] body, List<Forwarder.AuthId> authIds) {
        List<Id> ids = new ArrayList<>(authIds.size());
        for (Forwarder.AuthId id : authIds) {
            ids.add(new Id(id.scheme(), id.id()));
        }
        // No client: the learner answers its own client when it applies the commit.
        server.submitInternal(new Request(null, sessionId, cxid, type, body, ids));
    }

    public void touchSessions(Map<Long, Integer> timeoutsMsBySession) {
        long now = System.currentTimeMillis();
        timeoutsMsBySession.forEach((id, timeoutMs) -> server.sessions().touch(id, timeoutMs, now));
    }

    /** As Apache's leader revalidates: touching succeeds only for a session that is alive and not closing. */
    public boolean revalidateSession(long sessionId, int timeoutMs) {
        return server.sessions().touch(sessionId, timeoutMs, System.currentTimeMillis());
    }

    /** Apache's {@code ZKDatabase.serializeSnapshot}: sessions then the tree, no seals, digest or zxid. */
    public void writeSnapshot(OutputStream out) throws IOException {
        server.tree().writeSnapStream(out, server.sessions().sessionTimeouts());
    }

    public synchronized void loadSnapshot(InputStream in, long zxid) throws IOException {
        ServerSettings s = server.settings();
        var loaded = DataTree.readSnapStream(in, s.prep().extendedTypesEnabled(), s.maxRecordBytes() + 1024);
        loaded.tree().setLastProcessedZxid(zxid);
        server.installDatabase(loaded.tree(), loaded.sessionTimeouts());
        LOG.info("Loaded the leader's snapshot 0x{}: {} nodes, {} sessions", Long.toHexString(zxid),
                loaded.tree().nodeCount(), loaded.sessionTimeouts().size());
    }

    public synchronized void truncate(long zxid) throws IOException {
        LOG.warn("Truncating the log after zxid 0x{} as the leader asks", Long.toHexString(zxid));
        server.storage().truncateLog(zxid);
        server.loadDatabase();
    }

    public synchronized void takeSnapshot() throws IOException {
        server.writeSnapshotFile(server.lastProcessedZxid());
    }

    private CommittedTxn decode(LogEntry entry) {
        try {
            LoggedTxn logged = LoggedTxn.decode(entry.txnBytes(), server.settings().maxRecordBytes() + 1024);
            TxnDigest digest = logged.digest();
            Long expected = digest != null && digest.version() == DataTree.digestVersion() ? digest.treeDigest()
                    : null;
            return new CommittedTxn(logged.header(), logged.txn(), expected);
        } catch (JuteException e) {
            throw new IllegalArgumentException("committed transaction 0x" + Long.toHexString(entry.zxid())
                    + " does not decode: " + e.getMessage(), e);
        }
    }
}
