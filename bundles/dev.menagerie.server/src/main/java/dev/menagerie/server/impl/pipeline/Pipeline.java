package dev.menagerie.server.impl.pipeline;

import dev.menagerie.api.storage.Storage;
import dev.menagerie.protocol.txn.TxnHeader;
import dev.menagerie.server.impl.audit.AuditLog;
import dev.menagerie.server.impl.auth.AclChecker;
import dev.menagerie.server.impl.auth.ProviderRegistry;
import dev.menagerie.server.impl.op.PendingChanges;
import dev.menagerie.server.impl.op.PrepSettings;
import dev.menagerie.server.impl.op.Preparation;
import dev.menagerie.server.impl.op.ReadContext;
import dev.menagerie.server.impl.session.SessionTracker;
import dev.menagerie.server.impl.tree.DataTree;
import dev.menagerie.server.impl.tree.QuotaCheck;
import dev.menagerie.server.impl.watch.WatchRouter;
import java.util.function.Consumer;

/**
 * The request pipeline of a standalone server or a quorum leader: prep (one thread) then commit (one thread),
 * with the log append (and on a leader the proposal) between them done asynchronously so that concurrent writes
 * share fsyncs.
 */
public final class Pipeline implements RequestSink {

    private final PrepStage prep;
    private final CommitStage commit;
    private final Thread prepThread;
    private final Thread commitThread;

    /**
     * @param lastZxid the zxid of the last transaction in the loaded database; the next write gets the one after
     * @param afterTxn called on the commit thread after each transaction is applied (snapshots, closing the
     *     connection of an expired session)
     */
    public Pipeline(DataTree tree, SessionTracker sessions, WatchRouter watches, AclChecker acls,
            ProviderRegistry providers, Storage storage, PrepSettings settings, int maxRecordBytes, long lastZxid,
            Consumer<TxnHeader> afterTxn, AuditLog audit) {
        this(tree, sessions, watches, acls, providers, storage, settings, maxRecordBytes, lastZxid, afterTxn, audit,
                Replication.LOCAL);
    }

    /** @param replication what each write waits for before it is applied; {@link Replication#LOCAL} standalone */
    public Pipeline(DataTree tree, SessionTracker sessions, WatchRouter watches, AclChecker acls,
            ProviderRegistry providers, Storage storage, PrepSettings settings, int maxRecordBytes, long lastZxid,
            Consumer<TxnHeader> afterTxn, AuditLog audit, Replication replication) {
        PendingChanges pending = new PendingChanges(tree);
        Preparation preparation = new Preparation(pending, acls, new QuotaCheck(tree), settings, sessions);
        Replies replies = new Replies(tree, new ReadContext(tree, watches, acls, providers),
                new WriteAudit(audit, providers));
        this.commit = new CommitStage(new CommitEffects(tree, watches, sessions, audit), pending, replies, afterTxn,
                replication.quorum());
        this.prep = new PrepStage(preparation, pending, sessions, storage, commit::submit,
                System::currentTimeMillis, lastZxid, replication);
        this.prepThread = new Thread(prep.queue(), "menagerie-prep");
        this.commitThread = new Thread(commit.queue(), "menagerie-commit");
    }

    @Override
    public void start() {
        prepThread.start();
        commitThread.start();
    }

    @Override
    public void submit(Request request) {
        prep.submit(request);
    }

    /** Transactions whose applied tree digest differed from the one logged with them (should stay 0). */
    @Override
    public long digestMismatches() {
        return commit.digestMismatches();
    }

    /** Requests accepted and not yet answered. */
    @Override
    public int queued() {
        return prep.queued() + commit.queued();
    }

    /** Drops the queued requests and stops both threads, also while a write waits for its quorum. */
    @Override
    public void abort(long timeoutMs) throws InterruptedException {
        prep.abort();
        prepThread.join(timeoutMs);
        commit.abort();
        commitThread.interrupt();
        commitThread.join(timeoutMs);
    }

    /** Finishes the requests already queued, then stops both threads (at most {@code timeoutMs} each). */
    @Override
    public void stop(long timeoutMs) throws InterruptedException {
        prep.stop();
        prepThread.join(timeoutMs);
        commit.stop();
        commitThread.join(timeoutMs);
    }
}
