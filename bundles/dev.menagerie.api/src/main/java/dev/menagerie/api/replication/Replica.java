package dev.menagerie.api.replication;

import dev.menagerie.api.config.ServerConfig;
import dev.menagerie.api.storage.LogEntry;
import dev.menagerie.api.storage.Storage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A server's database and client side as a quorum peer drives it. While the peer looks for a leader or syncs, the
 * server keeps its sessions but answers no client; {@link #serveAsLeader} and {@link #serveAsLearner} open it up,
 * {@link #stopServing} closes it again (connections are dropped so clients move on; sessions survive).
 * Methods other than the serving ones are called only while not serving, or, for {@link #applyCommitted}, by the
 * learner in zxid order.
 */
@ProviderType
public interface Replica {

    ServerConfig config();

    /** The open storage; the peer appends proposals and keeps the epoch files through it. */
    Storage storage();

    /** The zxid of the last transaction applied to the data tree. */
    long lastProcessedZxid();

    /**
     * Writes the data tree and the sessions as Apache's leader streams them after a SNAP packet (sessions, tree,
     * no file header). The snapshot may be fuzzy: it holds at least every transaction up to
     * {@link #lastProcessedZxid()} as read before the call.
     */
    void writeSnapshot(OutputStream out) throws IOException;

    /** Replaces the data tree and sessions with a snapshot from the leader, as of {@code zxid}. */
    void loadSnapshot(InputStream in, long zxid) throws IOException;

    /** Removes logged transactions after {@code zxid} (the leader's TRUNC) and reloads the tree from storage. */
    void truncate(long zxid) throws IOException;

    /** Persists a snapshot of the data tree now, so that the log need not rebuild what a SNAP or TRUNC installed. */
    void takeSnapshot() throws IOException;

    /**
     * The peer hit what must never happen (say a failed election step): the server logs {@code what} and its cause
     * in one ERROR line, stops serving and leaves the ensemble, and under bin/zkServer.sh the process exits
     * non-zero. Returns at once; the stop runs on a thread of its own.
     *
     * @since 1.1
     */
    void failStop(String what, Throwable cause);

    /**
     * Applies one committed transaction, already in the log; a learner calls it in zxid order. When a client of this
     * server waits for it (same session id and cxid), the client gets its answer.
     */
    void applyCommitted(LogEntry entry);

    /**
     * Starts serving as leader: the next write gets the zxid after {@code lastZxid}, is logged locally and passed
     * to {@code proposer}; writes forwarded by learners come in through {@link #submitForwarded}. The leader also
     * expires sessions.
     */
    void serveAsLeader(long lastZxid, Proposer proposer);

    /** Starts serving as follower or observer: reads are answered here, writes go to {@code forwarder}. */
    void serveAsLearner(Forwarder forwarder);

    /**
     * Stops serving: requests in flight are dropped, connections closed, sessions kept. Then the data tree catches up
     * with the log (Apache's fastForwardDataBase): proposals logged without a commit seen are applied, so that
     * {@link #lastProcessedZxid()} covers the whole log for the next election and sync. Idempotent.
     */
    void stopServing();

    /**
     * Leader only: stops giving zxids without failing any request. Requests wait unanswered in the server's queue
     * until {@link #releaseRequests} lets them through, or {@link #stopServing} drops them (their clients see the
     * connection close, as in any change of leader). Completes with the last zxid given to a write, once every
     * write up to it has been passed to the proposer and no later one will be until released; fails when this
     * server does not lead or the requests are held already. What is chained on it must only hand over (post to
     * another thread), since it may run while the server's request thread waits.
     *
     * @since 1.4
     */
    CompletionStage<Long> holdRequests();

    /**
     * Leader only: ends {@link #holdRequests}, the requests that waited are prepared in their order.
     *
     * @since 1.4
     */
    void releaseRequests();

    /** Leader only: a learner's REQUEST; it gets no direct answer, the learner sees the committed transaction. */
    void submitForwarded(long sessionId, int cxid, int type, byte[] body, List<Forwarder.AuthId> authIds);

    /** Leader only: learners report the sessions connected to them in ping replies; this keeps them alive. */
    void touchSessions(Map<Long, Integer> timeoutsMsBySession);

    /**
     * Leader only: a client reconnected to a learner with this session (Zab's REVALIDATE). Touches the session and
     * returns true when it is still alive, false when it expired or is closing.
     */
    boolean revalidateSession(long sessionId, int timeoutMs);

    /** The sessions connected to this server now and their timeouts, for a learner's ping reply. */
    Map<Long, Integer> localSessions();

    /**
     * The zxid of the snapshot the data tree was last built from: the one loaded at start-up or by
     * {@link #truncate}, or the leader's ({@link #loadSnapshot}); 0 when the tree started empty. The log holds every
     * transaction after it without a hole, up to {@code storage().lastLoggedZxid()}, so a leader may sync a learner
     * that is at or after it by sending log entries instead of a snapshot. Before it the log may lack transactions
     * the tree has (those a snapshot from a leader brought). The default trusts no part of the log.
     *
     * @since 1.5
     */
    default long logIntactAfterZxid() {
        return Long.MAX_VALUE;
    }

    /**
     * About how many bytes a snapshot of the data tree takes now (its body, uncompressed), to weigh syncing a learner
     * from the log against sending it a snapshot; 0 when unknown.
     *
     * @since 1.5
     */
    default long snapshotSizeEstimate() {
        return 0;
    }
}
