package dev.menagerie.server.impl.leader;

import dev.menagerie.server.impl.session.SessionTracker;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A thread that wakes at each expiry bucket and closes the sessions whose clients went quiet. A closeSession the
 * pipeline has no room for (it keeps half its queue for clients' requests) is asked for again at the next wake-up
 * (at most a second later), with one WARN line per bucket: the tracker already marked the session closing and
 * will not report it twice.
 */
final class SessionExpirer implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(SessionExpirer.class);
    private static final long MAX_WAIT_MS = 1000;

    private final SessionTracker sessions;
    private final LongPredicate expire;
    /** Thread-confined: expired sessions whose closeSession the pipeline refused. */
    private final List<Long> refused = new ArrayList<>();
    private final Thread thread = new Thread(this, "menagerie-session-expiry");
    private volatile boolean running = true;

    SessionExpirer(SessionTracker sessions, LongPredicate expire) {
        this.sessions = sessions;
        this.expire = expire;
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    void stop() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void run() {
        while (running) {
            try {
                long now = System.currentTimeMillis();
                long waitMs = sessions.waitTimeMs(now);
                if (waitMs > 0) {
                    Thread.sleep(Math.min(waitMs, MAX_WAIT_MS));
                    retryRefused();
                    continue;
                }
                int waitingBefore = refused.size();
                for (long sessionId : sessions.expired(now)) {
                    if (!expire.test(sessionId)) {
                        refused.add(sessionId);
                    }
                }
                if (refused.size() > waitingBefore) {
                    LOG.warn("{} expired sessions wait for room in the request queue; closing them is retried each"
                            + " second", refused.size());
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.error("Session expiry check failed", e);
            }
        }
    }

    private void retryRefused() {
        if (!refused.isEmpty()) {
            List<Long> again = new ArrayList<>(refused);
            refused.clear();
            for (long sessionId : again) {
                if (!expire.test(sessionId)) {
                    refused.add(sessionId);
                }
            }
        }
    }
}
