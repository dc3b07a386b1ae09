package dev.menagerie.server.impl.core;

import dev.menagerie.server.impl.session.SessionTracker;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A thread that wakes at each expiry bucket and closes the sessions whose clients went quiet. */
final class SessionExpirer implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(SessionExpirer.class);
    private static final long MAX_WAIT_MS = 1000;

    private final SessionTracker sessions;
    private final LongConsumer expire;
    private final Thread thread = new Thread(this, "menagerie-session-expiry");
    private volatile boolean running = true;

    SessionExpirer(SessionTracker sessions, LongConsumer expire) {
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
                    continue;
                }
                for (long sessionId : sessions.expired(now)) {
                    expire.accept(sessionId);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.error("Session expiry check failed", e);
            }
        }
    }
}
