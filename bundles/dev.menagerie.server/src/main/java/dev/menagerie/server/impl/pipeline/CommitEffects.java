package dev.menagerie.server.impl.pipeline;

import dev.menagerie.api.metrics.Counter;
import dev.menagerie.protocol.OpCode;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.txn.CreateSessionTxn;
import dev.menagerie.protocol.txn.TxnHeader;
import dev.menagerie.server.impl.audit.AuditLog;
import dev.menagerie.server.impl.session.SessionTracker;
import dev.menagerie.server.impl.tree.DataTree;
import dev.menagerie.server.impl.tree.ProcessTxnResult;
import dev.menagerie.server.impl.tree.WatchTrigger;
import dev.menagerie.server.impl.watch.WatchRouter;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Applies one transaction the way every server does, whether it prepared it or received it committed: the tree,
 * the digest check, the watches it fires (before any reply, so a client sees the event first) and the session
 * table, which in a quorum every server keeps complete.
 */
public final class CommitEffects {

    private final DataTree tree;
    private final WatchRouter watches;
    private final SessionTracker sessions;
    private final AuditLog audit;
    private final AtomicLong digestMismatches = new AtomicLong();
    /** The registry's {@code digest_mismatches_count}, which {@code srst} zeroes, unlike the status value. */
    private final Counter mismatchesCounted;

    public CommitEffects(DataTree tree, WatchRouter watches, SessionTracker sessions, AuditLog audit,
            Counter mismatchesCounted) {
        this.tree = tree;
        this.mismatchesCounted = mismatchesCounted;
        this.watches = watches;
        this.sessions = sessions;
        this.audit = audit;
    }

    /** @param expectedDigest the tree digest logged with the transaction, or null when it carried none */
    public ProcessTxnResult apply(TxnHeader header, JuteRecord txn, Long expectedDigest) {
        ProcessTxnResult result = tree.apply(header, txn);
        if (expectedDigest != null) {
            checkDigest(header, expectedDigest);
        }
        for (WatchTrigger trigger : result.triggers()) {
            watches.fire(trigger.path(), trigger.type(), header.zxid(), trigger.acl());
        }
        if (header.type() == OpCode.CREATE_SESSION && txn instanceof CreateSessionTxn create) {
            // Idempotent: the server the client is connected to (and the leader) already track it.
            sessions.addSession(header.clientId(), create.timeOut(), System.currentTimeMillis());
        } else if (header.type() == OpCode.CLOSE_SESSION) {
            sessions.remove(header.clientId());
            if (audit.enabled()) {
                audit.ephemeralsDeleted(header.clientId(), result.deletedPaths());
            }
        }
        return result;
    }

    /**
     * The digest logged with the transaction was computed where it was prepared; after applying it, the tree must
     * agree, or this server's tree differs from the one that prepared it. Apache counts and logs that; here it is
     * fatal: the caller fail-stops (see {@link #failedToApply}). While the tree is fuzzy (installed from a leader's
     * snapshot taken while transactions went on) the digests cannot agree yet and are not compared.
     */
    private void checkDigest(TxnHeader header, long expected) {
        long actual = tree.digest();
        if (!tree.digestAgrees(expected)) {
            digestMismatches.incrementAndGet();
            mismatchesCounted.increment();
            throw new IllegalStateException("the tree digest after it is " + actual + ", the one logged with it "
                    + expected + ": this tree differs from the one that prepared it");
        }
    }

    /** The sentence a fail-stop logs when a committed transaction cannot be applied. */
    public static String failedToApply(TxnHeader header) {
        return "applying committed transaction 0x" + Long.toHexString(header.zxid()) + " ("
                + OpCode.name(header.type()) + ") failed";
    }

    public long digestMismatches() {
        return digestMismatches.get();
    }

    public DataTree tree() {
        return tree;
    }
}
