package dev.menagerie.server.impl.session;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tracks the sessions of a standalone server, as Apache ZooKeeper's {@code SessionTrackerImpl} without owners or
 * local sessions. Expiry uses an {@link ExpiryQueue} bucketed by tick time; whoever drives the server calls
 * {@link #expired} when {@link #waitTimeMs} reaches zero and submits a closeSession for each id returned.
 *
 * <p>Every method takes the time it runs at; nothing here reads a clock. Methods are synchronized because the
 * connection layer (touch) and the request pipeline (create, remove) may run on different threads.
 */
public final class SessionTracker {
    private static final Logger LOG = LoggerFactory.getLogger(SessionTracker.class);

    private final Map<Long, Session> sessionsById = new HashMap<>();
    private final ExpiryQueue<Long> expiryQueue;
    private final SessionIdGenerator idGenerator;

    private static final class Session {
        final int timeoutMs;
        boolean closing;

        Session(int timeoutMs) {
            this.timeoutMs = timeoutMs;
        }
    }

    /**
     * @param tickTimeMs  the expiry bucket width
     * @param idGenerator source of new session ids
     * @param nowMs       current time
     */
    public SessionTracker(int tickTimeMs, SessionIdGenerator idGenerator, long nowMs) {
        this.expiryQueue = new ExpiryQueue<>(tickTimeMs, nowMs);
        this.idGenerator = idGenerator;
    }

    /** Starts a new session with a negotiated timeout and returns its id. */
    public synchronized long createSession(int timeoutMs, long nowMs) {
        long sessionId = idGenerator.next();
        addSession(sessionId, timeoutMs, nowMs);
        return sessionId;
    }

    /**
     * Tracks a session restored from a snapshot or the log, or re-applied from a createSession transaction. An
     * already tracked session keeps its timeout but has its expiry pushed out, as Apache's {@code trackSession}.
     *
     * @return true if the session was not tracked before
     */
    public synchronized boolean addSession(long sessionId, int timeoutMs, long nowMs) {
        Session session = sessionsById.get(sessionId);
        boolean added = session == null;
        if (added) {
            session = new Session(timeoutMs);
            sessionsById.put(sessionId, session);
            LOG.debug("Adding session 0x{}", Long.toHexString(sessionId));
        }
        expiryQueue.update(sessionId, timeoutMs, nowMs);
        return added;
    }

    /**
     * Pushes the session's expiry to {@code nowMs + timeoutMs} (rounded up to the next tick). The timeout is the
     * connection's negotiated one, which after a reconnect may differ from the one the session was created with;
     * the stored timeout (for snapshots) does not change, as in Apache.
     *
     * @return false if the session is unknown or closing; the connection must then be closed
     */
    public synchronized boolean touch(long sessionId, int timeoutMs, long nowMs) {
        Session session = sessionsById.get(sessionId);
        if (session == null || session.closing) {
            return false;
        }
        expiryQueue.update(sessionId, timeoutMs, nowMs);
        return true;
    }

    /** {@link #touch(long, int, long)} with the session's stored timeout. */
    public synchronized boolean touch(long sessionId, long nowMs) {
        Session session = sessionsById.get(sessionId);
        return session != null && touch(sessionId, session.timeoutMs, nowMs);
    }

    /** Marks a session as closing (a closeSession is under way); touches fail from now on. */
    public synchronized void setClosing(long sessionId) {
        Session session = sessionsById.get(sessionId);
        if (session != null) {
            session.closing = true;
        }
    }

    /** Forgets a session, once its closeSession has been applied. */
    public synchronized void remove(long sessionId) {
        LOG.debug("Removing session 0x{}", Long.toHexString(sessionId));
        if (sessionsById.remove(sessionId) != null) {
            expiryQueue.remove(sessionId);
        }
    }

    /**
     * The sessions whose expiry time has passed, each now marked closing. Catches up bucket by bucket if the
     * caller fell behind, as Apache's tracker thread does; the number of steps is bounded by the time elapsed
     * divided by the tick time.
     */
    public synchronized List<Long> expired(long nowMs) {
        List<Long> expired = new ArrayList<>();
        while (expiryQueue.waitTimeMs(nowMs) == 0) {
            for (Long sessionId : expiryQueue.poll(nowMs)) {
                Session session = sessionsById.get(sessionId);
                if (session != null) {
                    session.closing = true;
                    expired.add(sessionId);
                }
            }
        }
        Collections.sort(expired);
        return expired;
    }

    /** Milliseconds until {@link #expired} may return something, 0 if it should be called now. */
    public synchronized long waitTimeMs(long nowMs) {
        return expiryQueue.waitTimeMs(nowMs);
    }

    /** The state of a session for request checks. */
    public synchronized SessionState state(long sessionId) {
        Session session = sessionsById.get(sessionId);
        if (session == null) {
            return SessionState.UNKNOWN;
        }
        return session.closing ? SessionState.CLOSING : SessionState.ACTIVE;
    }

    /** The timeout a session was created with, if tracked. */
    public synchronized OptionalInt timeoutMs(long sessionId) {
        Session session = sessionsById.get(sessionId);
        return session == null ? OptionalInt.empty() : OptionalInt.of(session.timeoutMs);
    }

    /** Session id to timeout of every tracked session, closing ones included, sorted by id (for snapshots). */
    public synchronized Map<Long, Integer> sessionTimeouts() {
        Map<Long, Integer> timeouts = new TreeMap<>();
        sessionsById.forEach((id, session) -> timeouts.put(id, session.timeoutMs));
        return timeouts;
    }

    /** Expiry time to session ids, sorted (for the {@code dump} command). */
    public synchronized Map<Long, List<Long>> sessionExpiryMap() {
        Map<Long, List<Long>> byTime = new TreeMap<>();
        expiryQueue.expiryMap().forEach((timeMs, ids) -> {
            List<Long> sorted = new ArrayList<>(ids);
            Collections.sort(sorted);
            byTime.put(timeMs, sorted);
        });
        return byTime;
    }

    /** The number of tracked sessions. */
    public synchronized int sessionCount() {
        return sessionsById.size();
    }
}
