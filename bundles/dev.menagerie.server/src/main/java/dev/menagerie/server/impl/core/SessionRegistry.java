package dev.menagerie.server.impl.core;

import dev.menagerie.protocol.OpCode;
import dev.menagerie.protocol.jute.JuteWriter;
import dev.menagerie.protocol.txn.CreateSessionTxn;
import dev.menagerie.server.impl.db.Database;
import dev.menagerie.server.impl.pipeline.ClientLink;
import dev.menagerie.server.impl.pipeline.Request;
import dev.menagerie.server.impl.session.SessionTracker;
import dev.menagerie.server.impl.stats.DeadWatchers;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Which connection each session is on: connections start, resume and keep sessions alive through it, and it
 * closes a connection when its session's closeSession is applied. The sessions themselves (timeouts, expiry) are
 * the database's {@link SessionTracker}.
 */
public final class SessionRegistry {

    private final Map<Long, ClientLink> linksBySession = new ConcurrentHashMap<>();
    private final Supplier<Database> db;
    private final Consumer<Request> submit;
    private final DeadWatchers deadWatchers;

    /**
     * @param db           the database as it is now (its sessions are replaced when it is reloaded)
     * @param submit       hands a client's request to the server's pipeline
     * @param deadWatchers counts the watches of closed connections removed
     */
    SessionRegistry(Supplier<Database> db, Consumer<Request> submit, DeadWatchers deadWatchers) {
        this.db = db;
        this.submit = submit;
        this.deadWatchers = deadWatchers;
    }

    /** Starts a new session; the connection gets its answer once the createSession transaction is applied. */
    public long create(ClientLink link, int timeoutMs) {
        long sessionId = db.get().sessions().createSession(timeoutMs, System.currentTimeMillis());
        linksBySession.put(sessionId, link);
        JuteWriter body = new JuteWriter(8);
        new CreateSessionTxn(timeoutMs).write(body);
        submit.accept(new Request(link, sessionId, 0, OpCode.CREATE_SESSION, body.toByteArray(), List.of()));
        return sessionId;
    }

    /** Moves an existing session to a new connection; false when it expired or is closing. */
    public boolean resume(ClientLink link, long sessionId, int timeoutMs) {
        if (!touch(sessionId, timeoutMs)) {
            return false;
        }
        ClientLink previous = linksBySession.put(sessionId, link);
        if (previous != null && previous != link) {
            previous.closeAfterReplies();
        }
        return true;
    }

    /** Keeps a session alive; called for every packet its connection sends. */
    public boolean touch(long sessionId, int timeoutMs) {
        return db.get().sessions().touch(sessionId, timeoutMs, System.currentTimeMillis());
    }

    /** The connection of a session went away; the session lives on until it times out. */
    public void connectionClosed(long sessionId, ClientLink link) {
        linksBySession.remove(sessionId, link);
        long startNs = System.nanoTime();
        int tables = db.get().watches().removeWatcher(link);
        deadWatchers.removed(tables, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNs));
    }

    /** A closeSession was applied: its connection closes once the replies queued for it are out. */
    void sessionClosed(long sessionId) {
        ClientLink link = linksBySession.remove(sessionId);
        if (link != null) {
            link.closeAfterReplies();
        }
    }

    /** The sessions whose client is connected here now, with their timeouts (a learner reports them). */
    public Map<Long, Integer> localSessionTimeouts() {
        Map<Long, Integer> local = new HashMap<>();
        SessionTracker tracker = db.get().sessions();
        for (Long sessionId : linksBySession.keySet()) {
            tracker.timeoutMs(sessionId).ifPresent(timeoutMs -> local.put(sessionId, timeoutMs));
        }
        return local;
    }

    /** How many sessions have a connection here. */
    public int connectedSessions() {
        return linksBySession.size();
    }
}
