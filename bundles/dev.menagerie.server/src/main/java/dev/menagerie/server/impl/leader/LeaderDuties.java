package dev.menagerie.server.impl.leader;

import dev.menagerie.api.metrics.Counter;
import dev.menagerie.protocol.OpCode;
import dev.menagerie.server.impl.db.Database;
import dev.menagerie.server.impl.pipeline.Request;
import java.util.List;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What only a standalone server or a quorum leader does besides answering requests: it expires the sessions whose
 * clients went quiet and deletes empty containers and expired TTL nodes, by putting closeSession and
 * deleteContainer requests into its own pipeline.
 */
public final class LeaderDuties {

    private static final Logger LOG = LoggerFactory.getLogger(LeaderDuties.class);

    private final Predicate<Request> submit;
    private final Counter staleSessionsExpired;
    private final SessionExpirer expirer;
    private final ContainerSweeper containerSweeper;

    /**
     * @param submit queues a request of the server's own in the pipeline; false when the pipeline has no room for
     *     it (then the duty asks again later)
     */
    private LeaderDuties(Database db, Predicate<Request> submit, long containerCheckIntervalMs,
            Counter staleSessionsExpired) {
        this.submit = submit;
        this.staleSessionsExpired = staleSessionsExpired;
        this.expirer = new SessionExpirer(db.sessions(), this::expire);
        this.containerSweeper = new ContainerSweeper(db.tree(), submit, containerCheckIntervalMs);
    }

    /** @param staleSessionsExpired counts the sessions closed because they timed out */
    public static LeaderDuties start(Database db, Predicate<Request> submit, long containerCheckIntervalMs,
            Counter staleSessionsExpired) {
        LeaderDuties duties = new LeaderDuties(db, submit, containerCheckIntervalMs, staleSessionsExpired);
        duties.expirer.start();
        duties.containerSweeper.start();
        return duties;
    }

    public void stop() {
        containerSweeper.stop();
        expirer.stop();
    }

    /** Queues the closeSession of an expired session; false when there is no room for it yet. */
    private boolean expire(long sessionId) {
        boolean queued = submit.test(new Request(null, sessionId, 0, OpCode.CLOSE_SESSION, new byte[0], List.of()));
        if (queued) {
            LOG.info("Expiring session 0x{}", Long.toHexString(sessionId));
            staleSessionsExpired.increment();
        }
        return queued;
    }
}
