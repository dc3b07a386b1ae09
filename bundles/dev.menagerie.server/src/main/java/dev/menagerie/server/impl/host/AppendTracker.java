package dev.menagerie.server.impl.host;

import dev.menagerie.api.storage.LogEntry;
import dev.menagerie.api.storage.Storage;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * The storage of a replicated server, counting the appends it has not finished yet, so that the end of a role can
 * wait for them. A role's proposals are logged asynchronously; were the tree to catch up with the log while some
 * were still on their way to it, the server would vote and sync with a shorter history than its log ends up
 * holding, and apply the rest later as a leader (a tree the learners never saw: the digest mismatch the fault
 * injection test found after an isolated leader's partition healed). Apache's follower likewise flushes its log
 * before it catches up.
 */
final class AppendTracker extends ForwardingStorage {

    private long pending;

    AppendTracker(Storage storage) {
        super(storage);
    }

    @Override
    public CompletionStage<Void> append(LogEntry entry) {
        synchronized (this) {
            pending++;
        }
        CompletionStage<Void> stage;
        try {
            stage = super.append(entry);
        } catch (RuntimeException e) {
            finished();
            throw e;
        }
        stage.whenComplete((ok, error) -> finished());
        return stage;
    }

    private synchronized void finished() {
        pending--;
        notifyAll();
    }

    /**
     * Waits until every append made so far has completed, or failed. Returns false if some are still pending
     * after {@code timeoutMs}.
     */
    synchronized boolean awaitAppends(long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (pending > 0) {
            long leftNs = deadline - System.nanoTime();
            if (leftNs <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, leftNs);
        }
        return true;
    }

    synchronized long pendingAppends() {
        return pending;
    }
}
