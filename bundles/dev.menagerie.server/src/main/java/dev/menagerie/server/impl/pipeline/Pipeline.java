package dev.menagerie.server.impl.pipeline;

import dev.menagerie.api.replication.Proposer;
import dev.menagerie.server.impl.db.Database;
import dev.menagerie.server.impl.op.PendingChanges;
import dev.menagerie.server.impl.op.Preparation;
import dev.menagerie.server.impl.stats.StageMetrics;
import dev.menagerie.server.impl.tree.QuotaCheck;
import java.util.concurrent.CompletionStage;

/**
 * The request pipeline of a standalone server or a quorum leader: prep (one thread) then commit (one thread). Prep
 * appends each write to the log and hands it to the {@link Proposer} without waiting; the commit stage waits for
 * the proposer's answer, so that concurrent writes share fsyncs (and, on a leader, quorum round trips).
 */
public final class Pipeline implements RequestSink {

    private final PrepStage prep;
    private final CommitStage commit;
    private final Thread prepThread;
    private final Thread commitThread;

    private Pipeline(StageContext context, long lastZxid, Proposer proposer, boolean quorum) {
        Database db = context.db();
        Access access = context.access();
        StageSettings settings = context.settings();
        StageMetrics metrics = context.metrics().stages;
        PendingChanges pending = new PendingChanges(db.tree(), metrics.outstandingChangesQueued,
                metrics.outstandingChangesRemoved);
        Preparation preparation = new Preparation(pending, access.acls(), new QuotaCheck(db.tree(), context.metrics().quotaExceeded), settings.prep(),
                db.sessions());
        Replies replies = Replies.of(context);
        this.commit = new CommitStage(new CommitEffects(db.tree(), db.watches(), db.sessions(), access.audit(),
                context.metrics().digestMismatches),
                pending, replies, context, lastZxid, quorum);
        this.prep = new PrepStage(preparation, pending, db.sessions(), db.storage(), commit::handOff,
                System::currentTimeMillis, lastZxid, proposer, settings.queueCapacity(), metrics,
                context.metrics().staleRequests);
        this.prepThread = new Thread(prep.queue(), "menagerie-prep");
        this.commitThread = new Thread(commit.queue(), "menagerie-commit");
    }

    /**
     * A standalone server's pipeline: a write is committed once it is in the local log.
     *
     * @param lastZxid the zxid of the last transaction in the loaded database; the next write gets the one after
     */
    public static Pipeline standalone(StageContext context, long lastZxid) {
        return new Pipeline(context, lastZxid, LocalProposer.INSTANCE, false);
    }

    /**
     * A quorum leader's pipeline: a write is committed once {@code proposer} says a quorum logged it. A write that
     * failed to commit is neither applied nor answered, since the next leader may still commit it.
     */
    public static Pipeline leader(StageContext context, long lastZxid, Proposer proposer) {
        return new Pipeline(context, lastZxid, proposer, true);
    }

    @Override
    public void start() {
        prepThread.start();
        commitThread.start();
    }

    /** Queues the request for prep; false when {@link StageSettings#queueCapacity()} requests wait there already. */
    @Override
    public boolean submit(Request request) {
        return prep.submit(request);
    }

    /** The highest zxid prep has given a transaction (Apache's ZooKeeperServer.getZxid()); any thread. */
    public long lastAssignedZxid() {
        return prep.lastZxid();
    }

    /**
     * Holds the requests before prep (none is answered or refused meanwhile); completes with the last zxid given
     * once no further one will be given until {@link #releaseRequests}. Dependent actions must only hand over.
     */
    public CompletionStage<Long> holdRequests() {
        return prep.hold();
    }

    public void releaseRequests() {
        prep.release();
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
        // Emptying the commit inbox also lets go a prep thread that waits for room in it.
        commit.abort();
        commitThread.interrupt();
        prepThread.join(timeoutMs);
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
