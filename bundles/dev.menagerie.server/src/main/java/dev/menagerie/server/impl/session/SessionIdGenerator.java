package dev.menagerie.server.impl.session;

/**
 * Hands out session ids the way Apache ZooKeeper does: the high byte is the server id, the next five bytes come from
 * a millisecond timestamp, the low two bytes start at zero, and each new session takes the next number.
 *
 * <p>Not thread-safe; the session tracker calls it under its own lock.
 */
public final class SessionIdGenerator {
    /** The ephemeral owner Apache reserves for container nodes; never handed out as a session id. */
    static final long CONTAINER_EPHEMERAL_OWNER = Long.MIN_VALUE;

    private long nextId;

    /**
     * @param serverId this server's id ({@code myid}); standalone servers use 0
     * @param nowMs    the clock reading to seed the timestamp bytes. Apache 3.9 passes {@code System.nanoTime()/1e6};
     *                 wall-clock milliseconds make ids less likely to repeat across restarts
     */
    public SessionIdGenerator(long serverId, long nowMs) {
        this.nextId = initialId(serverId, nowMs);
    }

    /**
     * The first id, as Apache's {@code SessionTrackerImpl.initializeNextSessionId}. The unsigned shift keeps the
     * timestamp's top bits out of the server id byte (ZOOKEEPER-1622: a signed shift made ids negative and let the
     * timestamp overwrite the server id).
     */
    public static long initialId(long serverId, long nowMs) {
        long id = ((nowMs << 24) >>> 8) | (serverId << 56);
        if (id == CONTAINER_EPHEMERAL_OWNER) {
            id++;
        }
        return id;
    }

    /** The id for the next new session. */
    public long next() {
        return nextId++;
    }

    /** The id {@link #next()} will return, without consuming it. */
    public long peek() {
        return nextId;
    }
}
