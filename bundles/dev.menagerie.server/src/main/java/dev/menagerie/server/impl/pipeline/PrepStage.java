package dev.menagerie.server.impl.pipeline;

import dev.menagerie.api.replication.Proposer;
import dev.menagerie.api.storage.LogEntry;
import dev.menagerie.api.storage.Storage;
import dev.menagerie.protocol.ErrorCode;
import dev.menagerie.protocol.OpCode;
import dev.menagerie.protocol.jute.JuteException;
import dev.menagerie.protocol.jute.JuteReader;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;
import dev.menagerie.protocol.proto.CheckVersionRequest;
import dev.menagerie.protocol.proto.CreateRequest;
import dev.menagerie.protocol.proto.CreateTTLRequest;
import dev.menagerie.protocol.proto.DeleteRequest;
import dev.menagerie.protocol.proto.SetACLRequest;
import dev.menagerie.protocol.proto.SetDataRequest;
import dev.menagerie.protocol.txn.CloseSessionTxn;
import dev.menagerie.protocol.txn.CreateSessionTxn;
import dev.menagerie.protocol.txn.ErrorTxn;
import dev.menagerie.protocol.txn.MultiTxn;
import dev.menagerie.protocol.txn.Txn;
import dev.menagerie.protocol.txn.TxnDigest;
import dev.menagerie.protocol.txn.TxnHeader;
import dev.menagerie.server.impl.tree.DataTree;
import dev.menagerie.server.impl.session.SessionState;
import dev.menagerie.server.impl.session.SessionTracker;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first stage: one thread gives each write its zxid and transaction (or an error transaction, which also
 * consumes a zxid, as in Apache), appends it to the log without waiting for the disk, and passes every request
 * on in arrival order. Group commit in the storage lets many appends share one fsync.
 */
public final class PrepStage {

    private static final Logger LOG = LoggerFactory.getLogger(PrepStage.class);
    private final RequestQueue queue;
    private final TxnPreparer preparer;
    private final PendingChanges pending;
    private final SessionTracker sessions;
    private final Storage storage;
    private final Consumer<Request> next;
    private final LongSupplier wallClockMs;
    private final PrepSettings settings;
    private final int maxRecordBytes;
    private final JuteWriter writer = new JuteWriter(4096);
    private final Proposer proposer;
    private long lastZxid;

    PrepStage(TxnPreparer preparer, PendingChanges pending, SessionTracker sessions, Storage storage,
            Consumer<Request> next, LongSupplier wallClockMs, PrepSettings settings, int maxRecordBytes,
            long lastZxid, Proposer proposer, int queueCapacity) {
        this.queue = new RequestQueue(this::handle, queueCapacity);
        this.proposer = proposer;
        this.preparer = preparer;
        this.pending = pending;
        this.sessions = sessions;
        this.storage = storage;
        this.next = next;
        this.wallClockMs = wallClockMs;
        this.settings = settings;
        this.maxRecordBytes = maxRecordBytes;
        this.lastZxid = lastZxid;
    }

    /** False when the inbox is full: nothing is queued, and the caller answers for the request. */
    boolean submit(Request request) {
        return queue.offer(request);
    }

    public int queued() {
        return queue.size();
    }

    /** The stage's thread body. */
    RequestQueue queue() {
        return queue;
    }

    void stop() {
        queue.stop();
    }

    void abort() {
        queue.abort();
    }

    private void handle(Request request) {
        try {
            prepare(request);
        } catch (RuntimeException e) {
            LOG.error("Failed to prepare {}", request, e);
            request.setPrepError(ErrorCode.SYSTEMERROR.code());
        }
        next.accept(request);
    }

    /** Prepares one request; package-private so tests can drive the stage without its thread. */
    void prepare(Request request) {
        int type = request.type();
        if (!isWrite(type)) {
            if (type != OpCode.PING && sessions.state(request.sessionId()) != SessionState.ACTIVE
                    && request.client() != null) {
                request.setPrepError(ErrorCode.SESSIONEXPIRED.code());
            } else if (type == OpCode.SYNC) {
                // Answered once every write proposed before it is committed (at once when standalone).
                request.setDurable(sync());
            }
            return;
        }
        JuteReader reader = new JuteReader(java.nio.ByteBuffer.wrap(request.body()), maxRecordBytes);
        JuteRecord record;
        List<MultiOps.Op> ops = null;
        try {
            record = decode(type, reader);
            if (type == OpCode.MULTI) {
                ops = MultiOps.read(reader);
            }
        } catch (JuteException e) {
            LOG.info("Request {} does not decode: {}", request, e.getMessage());
            request.setPrepError(ErrorCode.MARSHALLINGERROR.code());
            return;
        }
        if (record instanceof CreateSessionTxn create) {
            // A learner created this id for its client; the leader tracks it from now on (a no-op for our own).
            sessions.addSession(request.sessionId(), create.timeOut(), wallClockMs.getAsLong());
        }
        long zxid = ++lastZxid;
        assert zxid > 0 : "zxid 0x" + Long.toHexString(zxid) + " wrapped around";
        TxnHeader header = new TxnHeader(request.sessionId(), request.xid(), zxid, wallClockMs.getAsLong(), type);
        JuteRecord txn;
        try {
            txn = transaction(request, header, record, ops);
        } catch (KeeperFailure e) {
            header = new TxnHeader(header.clientId(), header.cxid(), zxid, header.time(), OpCode.ERROR);
            txn = new ErrorTxn(e.code().code());
        }
        long digest = pending.currentDigest();
        request.setTxn(header, txn, digest);
        request.setDurable(log(header, txn, new TxnDigest(DataTree.digestVersion(), digest)));
    }

    private JuteRecord transaction(Request request, TxnHeader header, JuteRecord record, List<MultiOps.Op> ops)
            throws KeeperFailure {
        int type = request.type();
        switch (type) {
            case OpCode.CREATE_SESSION:
                return record;
            case OpCode.CLOSE_SESSION:
                return closeSession(request.sessionId(), header.zxid());
            default:
                break;
        }
        // The container manager deletes containers with session 0, which Apache does not check either.
        if (type != OpCode.DELETE_CONTAINER && sessions.state(request.sessionId()) != SessionState.ACTIVE) {
            throw new KeeperFailure(ErrorCode.SESSIONEXPIRED);
        }
        if (type == OpCode.MULTI) {
            return multi(request, header, ops);
        }
        if (type == OpCode.RECONFIG) {
            throw new KeeperFailure(settings.reconfigEnabled() ? ErrorCode.UNIMPLEMENTED : ErrorCode.RECONFIGDISABLED);
        }
        return preparer.prepare(type, record, request.sessionId(), request.authIds(), header.zxid(), header.time());
    }

    private JuteRecord closeSession(long sessionId, long zxid) {
        List<String> ephemerals = pending.ephemeralsOf(sessionId);
        for (String path : ephemerals) {
            ChangeRecord node = pending.lookup(path);
            ChangeRecord parent = pending.lookup(path.substring(0, path.lastIndexOf('/')));
            if (node != null && parent != null) {
                TxnPreparer.recordDeletion(pending, parent, node, zxid);
            }
        }
        sessions.setClosing(sessionId);
        return settings.closeSessionTxnEnabled() ? new CloseSessionTxn(ephemerals) : null;
    }

    /** All ops share the zxid; after the first failure the rest become RUNTIMEINCONSISTENCY errors. */
    private JuteRecord multi(Request request, TxnHeader header, List<MultiOps.Op> ops) {
        List<String> paths = new ArrayList<>();
        for (MultiOps.Op op : ops) {
            paths.add(op.path());
        }
        Map<String, ChangeRecord> saved = pending.checkpoint(paths);
        List<Txn> txns = new ArrayList<>(ops.size());
        boolean failed = false;
        for (MultiOps.Op op : ops) {
            int type;
            JuteRecord txn;
            if (failed) {
                type = OpCode.ERROR;
                txn = new ErrorTxn(ErrorCode.RUNTIMEINCONSISTENCY.code());
            } else {
                try {
                    txn = preparer.prepare(op.type(), op.request(), request.sessionId(), request.authIds(),
                            header.zxid(), header.time());
                    type = op.type();
                } catch (KeeperFailure e) {
                    failed = true;
                    type = OpCode.ERROR;
                    txn = new ErrorTxn(e.code().code());
                    pending.rollback(header.zxid(), saved);
                }
            }
            txns.add(new Txn(type, serialize(txn)));
        }
        return new MultiTxn(txns);
    }

    private byte[] serialize(JuteRecord record) {
        JuteWriter out = new JuteWriter(256);
        record.write(out);
        return out.toByteArray();
    }

    /**
     * Header, transaction and the tree digest after it, as Apache 3.9 logs them with digests enabled; a leader
     * proposes the same bytes.
     */
    private CompletionStage<Void> log(TxnHeader header, JuteRecord txn, TxnDigest digest) {
        writer.reset();
        header.write(writer);
        if (txn != null) {
            txn.write(writer);
        }
        digest.write(writer);
        LogEntry entry = new LogEntry(header.zxid(), writer.toByteArray());
        try {
            return proposer.propose(entry, storage.append(entry));
        } catch (RuntimeException e) {
            return CompletableFuture.failedStage(e);
        }
    }

    private CompletionStage<Void> sync() {
        try {
            return proposer.sync();
        } catch (RuntimeException e) {
            return CompletableFuture.failedStage(e);
        }
    }

    /** The record of a write request body; null for types without one (multi, reconfig, closeSession). */
    static JuteRecord decode(int type, JuteReader reader) throws JuteException {
        return switch (type) {
            case OpCode.CREATE, OpCode.CREATE2, OpCode.CREATE_CONTAINER -> CreateRequest.read(reader);
            case OpCode.CREATE_TTL -> CreateTTLRequest.read(reader);
            case OpCode.DELETE -> DeleteRequest.read(reader);
            case OpCode.DELETE_CONTAINER -> new TxnPreparer.PathOnly(reader.readString());
            case OpCode.SET_DATA -> SetDataRequest.read(reader);
            case OpCode.SET_ACL -> SetACLRequest.read(reader);
            case OpCode.CHECK -> CheckVersionRequest.read(reader);
            case OpCode.CREATE_SESSION -> CreateSessionTxn.read(reader);
            default -> null;
        };
    }

    /** Requests that become transactions. */
    static boolean isWrite(int type) {
        return switch (type) {
            case OpCode.CREATE, OpCode.CREATE2, OpCode.CREATE_CONTAINER, OpCode.CREATE_TTL, OpCode.DELETE,
                    OpCode.DELETE_CONTAINER, OpCode.SET_DATA, OpCode.SET_ACL, OpCode.CHECK, OpCode.MULTI,
                    OpCode.RECONFIG, OpCode.CREATE_SESSION, OpCode.CLOSE_SESSION -> true;
            default -> false;
        };
    }

    long lastZxid() {
        return lastZxid;
    }
}
