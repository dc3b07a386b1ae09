package dev.menagerie.server.impl.pipeline;

import dev.menagerie.protocol.OpCode;
import dev.menagerie.protocol.data.Id;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.server.impl.op.Operation;
import dev.menagerie.server.impl.op.OperationDecoder;
import dev.menagerie.server.impl.op.WriteOperation;
import dev.menagerie.protocol.txn.TxnHeader;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One request on its way through prep, the log and the commit stage, carrying its decoded {@link Operation}. Prep
 * fills in the transaction; the commit stage applies it and answers {@link #client()}, which is null for requests
 * the server makes itself (closing an expired session, deleting an empty container) or a learner forwarded.
 */
public final class Request {

    private final ClientLink client;
    private final long sessionId;
    private final int xid;
    private final Operation operation;
    private final List<Id> authIds;
    private final long receivedNanos = System.nanoTime();

    private TxnHeader header;
    private JuteRecord txn;
    private long expectedDigest;
    private int prepError;
    private CompletionStage<Void> durable;
    /** When prep handed the request to the commit stage, and when its transaction was committed (nanoTime). */
    private long handedToCommitNanos;
    private volatile int largeRequestBytes;
    private volatile long committedNanos;

    public Request(ClientLink client, long sessionId, int xid, Operation operation, List<Id> authIds) {
        this.client = client;
        this.sessionId = sessionId;
        this.xid = xid;
        this.operation = operation;
        this.authIds = authIds;
    }

    /** A request that arrives as the bytes of its body: one the server makes itself, or a learner forwarded. */
    public Request(ClientLink client, long sessionId, int xid, int type, byte[] body, List<Id> authIds) {
        this(client, sessionId, xid, OperationDecoder.decode(type, body), authIds);
    }

    public ClientLink client() {
        return client;
    }

    public long sessionId() {
        return sessionId;
    }

    public int xid() {
        return xid;
    }

    public int type() {
        return operation.opCode();
    }

    public Operation operation() {
        return operation;
    }

    /** Whether the request becomes a transaction. */
    public boolean isWrite() {
        return operation instanceof WriteOperation;
    }

    /** Bytes this request holds against the large request limit; 0 when it is not large. */
    public int largeRequestBytes() {
        return largeRequestBytes;
    }

    /** Set by the connection when {@link Admission#reserveLarge} reserved bytes for it. */
    public void largeRequestBytes(int bytes) {
        assert bytes >= 0 : bytes;
        largeRequestBytes = bytes;
    }

    /**
     * True when the client's connection has closed, as Apache's {@code Request.isStale} with its default
     * connection check: never for a closeSession, which must clean up after its session, nor for a request the
     * server or a learner made.
     */
    public boolean isStale() {
        return client != null && type() != OpCode.CLOSE_SESSION && client.isStale();
    }

    public List<Id> authIds() {
        return authIds;
    }

    public long receivedNanos() {
        return receivedNanos;
    }

    /** The transaction header, null for reads and for requests that failed before getting a zxid. */
    public TxnHeader header() {
        return header;
    }

    public JuteRecord txn() {
        return txn;
    }

    void setTxn(TxnHeader header, JuteRecord txn, long expectedDigest) {
        this.header = header;
        this.txn = txn;
        this.expectedDigest = expectedDigest;
    }

    /** The tree digest prep computed for after this transaction; logged with it and checked when applied. */
    long expectedDigest() {
        return expectedDigest;
    }

    /** An error found without a transaction (an expired session, a failure in prep), 0 when none. */
    public int prepError() {
        return prepError;
    }

    void setPrepError(int prepError) {
        this.prepError = prepError;
    }

    /**
     * The proposer's answer: completes when the transaction is committed (standalone: on disk; in a quorum: held by
     * a quorum of logs), or when a sync may be answered; already complete for requests without either.
     */
    CompletionStage<Void> durable() {
        return durable == null ? CompletableFuture.completedStage(null) : durable;
    }

    /** Stamps the commit's time before anyone waiting for {@link #durable()} sees it. */
    void setDurable(CompletionStage<Void> durable) {
        this.durable = durable.whenComplete((ignored, failure) -> committedNanos = System.nanoTime());
    }

    /** Runs {@code action} once the transaction is committed, before anyone waiting for {@link #durable()} sees it. */
    void onCommitted(Runnable action) {
        durable = durable().whenComplete((ignored, failure) -> {
            if (failure == null) {
                action.run();
            }
        });
    }

    /** When the transaction was committed ({@link System#nanoTime()}), 0 while it is not. */
    long committedNanos() {
        return committedNanos;
    }

    long handedToCommitNanos() {
        return handedToCommitNanos;
    }

    void handedToCommit() {
        handedToCommitNanos = System.nanoTime();
    }

    @Override
    public String toString() {
        return "request 0x" + Long.toHexString(sessionId) + ":" + xid + " " + OpCode.name(type());
    }
}
