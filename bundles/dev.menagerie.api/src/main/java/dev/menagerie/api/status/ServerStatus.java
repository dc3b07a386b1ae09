package dev.menagerie.api.status;

import dev.menagerie.api.auth.ConnectionInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The state of the running server, as the four-letter words and the admin commands report it. Each call takes a
 * fresh snapshot; two calls may see the server at different moments. Calls are cheap enough for a monitoring
 * poll, are safe from any thread and never block on client requests.
 *
 * <p>Besides writing a snapshot ({@link #takeSnapshot}) and deleting old ones ({@link #purge}), the only method
 * that changes anything is {@link #resetStatistics}, Apache ZooKeeper's {@code srst} and {@code crst}: it zeroes
 * counters that exist only to be reported, never data, sessions or watches.
 */
@ProviderType
public interface ServerStatus {

    /**
     * The version clients and tools see, in Apache's format {@code <apache version>-<revision>, built on <date>}:
     * for example {@code 3.9.5-menagerie-1.0.0, built on 2026-12-07 09:00 UTC}. Tools read the Apache version
     * as the part before the first {@code -}.
     */
    String version();

    /** Mode, last zxid and the request counters. */
    ServerSummary summary();

    /** The open client connections, in no particular order. */
    List<ConnectionStatus> connections();

    /** The data tree's counts and digest. */
    DataTreeStatus dataTree();

    /** The logged tree digests, oldest first ({@code hash}); empty before the 128th transaction. */
    List<LoggedDigest> digestLog();

    /** The sessions, when they expire, and the ephemeral nodes they own. */
    SessionsStatus sessions();

    /** The data watches (Apache reports no others): totals, per connection and per path. */
    WatchesStatus watches();

    /** The configuration the client port and the database run with ({@code conf}). */
    ServingConfiguration configuration();

    /** Bytes in the snapshot and transaction log folders ({@code dirs}). */
    DiskUsage diskUsage();

    /**
     * What the quorum peer adds to {@code mntr}, keyed as Apache's metrics without the {@code zk_} prefix
     * ({@code peer_state}, on a leader {@code learners}, {@code synced_followers}, ...), in the order to print;
     * empty on a standalone server and while no peer drives the server.
     */
    Map<String, Object> quorumMonitorValues();

    /** The leader and the Zab phase, {@link QuorumStatus#NONE} on a standalone server. */
    QuorumStatus quorum();

    /**
     * The highest zxid this server has given a transaction (Apache's {@code ZooKeeperServer.getZxid()}, the
     * leader's {@code CurrentZxid}): on a leader or a standalone server ahead of {@link ServerSummary#lastZxid()}
     * while proposals are in flight, otherwise equal to it.
     *
     * @since 1.4
     */
    long currentZxid();

    /**
     * How long the election took, in milliseconds, after which this server last became the leader or a follower
     * (Apache's {@code ElectionTimeTaken}); 0 before that, and on a standalone server.
     *
     * @since 1.4
     */
    long electionTimeTakenMs();

    /**
     * The learners connected to this server while it leads, ordered by server id; empty on any other server.
     *
     * @since 1.4
     */
    List<LearnerConnection> learnerConnections();

    /**
     * Drops the connection of the learner {@code sid} to this leader, as Apache's {@code terminateConnection}
     * operation of a {@code Learner_Connections} bean does: the learner notices, reconnects and syncs again.
     *
     * @return false when this server does not lead or no learner of that id is connected
     * @since 1.4
     */
    boolean terminateLearnerConnection(long sid);

    /**
     * Moves leadership from this leader to the voting follower {@code targetSid} (see {@link LeadershipTransfer}).
     * The stage completes once this server's next election chose a leader, or at once when the transfer is refused
     * (not the leader, unknown target, target not a connected voting follower, a transfer under way).
     *
     * @since 1.5
     */
    CompletionStage<LeadershipTransfer> transferLeadership(long targetSid);

    /** The newest snapshot written or loaded since start-up ({@code last_snapshot}). */
    SnapshotStatus lastSnapshot();

    /**
     * Writes a snapshot of the tree and the sessions now, on the calling thread, as Apache's
     * {@code ZooKeeperServer.takeSnapshot}: fuzzy like every snapshot (it may hold changes after its zxid, which
     * replaying the log from that zxid applies again to the same result).
     *
     * @throws IOException when the storage could not write it, or keeps snapshots somewhere other than a file
     */
    SnapshotFile takeSnapshot() throws IOException;

    /**
     * Reads the node at {@code path} from the data tree, ignoring its ACL: the caller decides who may see it (the
     * admin port is an operator's tool, as {@code dump} and {@code wchp} are). Read-only.
     *
     * @return the node, or empty when there is none (or {@code path} is not a valid node path)
     * @since 1.3
     */
    Optional<NodeStatus> node(String path);

    /**
     * Replaces the data tree and the sessions with a snapshot read from {@code snapshot}, a whole snapshot file as
     * {@link #takeSnapshot} writes it (Apache ZooKeeper's format; uncompressed or gz), as Apache's admin
     * {@code restore} does. The stream is read completely and checked before anything changes: a stream that is
     * not an intact snapshot leaves the old data serving. Afterwards the snapshot's sessions live on, every client
     * connection is closed (clients of those sessions reconnect and set their watches again, the others find their
     * session expired), and the restored data is durable.
     *
     * @return the zxid the snapshot was taken at (its lastProcessedZxid, 0 when it has none)
     * @throws IOException when the stream is not a complete, intact snapshot, or the restored data could not be
     *     stored; the old data serves on
     * @throws IllegalStateException when this server cannot restore: a member of an ensemble, or not serving
     * @since 1.3
     */
    long restoreSnapshot(InputStream snapshot) throws IOException;

    /**
     * Deletes the snapshots and transaction logs older than the newest {@code autopurge.snapRetainCount} snapshots
     * and the logs they need, now, on the calling thread: what autopurge does on its schedule and
     * {@code zkCleanup.sh} does offline.
     *
     * @throws IOException when the storage could not list or delete its files
     * @since 1.3
     */
    void purge() throws IOException;

    /**
     * Authenticates {@code credentials} with the provider of {@code scheme} and checks that the ids it yields hold
     * every bit of {@code perms} on the node at {@code path}, with the rules the server applies to client requests
     * (a {@code super} id and {@code skipACL} pass). Used for the admin commands that need authentication.
     *
     * @param credentials what follows the scheme in the {@code Authorization} header, null when nothing does
     * @param remoteAddress the requesting client's IP address, for the {@code ip} scheme
     */
    default AdminAccess checkAccess(String scheme, byte[] credentials, String remoteAddress, String path,
            int perms) {
        return checkAccess(scheme, credentials, ConnectionInfo.plain(remoteAddress), path, perms);
    }

    /**
     * As {@link #checkAccess(String, byte[], String, String, int)}, for a request that may have come over TLS: the
     * {@code x509} scheme reads the client's certificate chain from {@code connection}.
     *
     * @param connection the client's IP address and its verified certificate chain (empty over plain HTTP)
     * @since 1.3
     */
    AdminAccess checkAccess(String scheme, byte[] credentials, ConnectionInfo connection, String path, int perms);

    /**
     * Zeroes the chosen counters, as Apache's {@code srst} ({@link Statistics#SERVER}) and {@code crst}
     * ({@link Statistics#CONNECTIONS}) do. Counting goes on from zero at once.
     */
    void resetStatistics(Statistics which);

    /** The counter sets {@link #resetStatistics} can zero. */
    enum Statistics {
        /** Latency and packet counters of the server ({@link ServerSummary}); the uptime is kept. */
        SERVER,
        /** Each open connection's counters, latencies and last operation ({@link ConnectionStatus}). */
        CONNECTIONS
    }
}
