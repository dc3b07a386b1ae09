package dev.menagerie.protocol;

/** {@code WatcherEvent.state}, numbered as in Apache ZooKeeper's {@code Watcher.Event.KeeperState}. */
public enum KeeperState {
    /** Unused since 3.1; never sent. */
    UNKNOWN(-1),
    DISCONNECTED(0),
    /** Unused since 3.1; never sent. */
    NO_SYNC_CONNECTED(1),
    SYNC_CONNECTED(3),
    AUTH_FAILED(4),
    CONNECTED_READ_ONLY(5),
    SASL_AUTHENTICATED(6),
    EXPIRED(-112),
    /** Client-side only (3.5.3): the client closed the session. */
    CLOSED(7);

    private final int intValue;

    KeeperState(int intValue) {
        this.intValue = intValue;
    }

    /** The number on the wire. */
    public int intValue() {
        return intValue;
    }

    /** The state with this number, or null. */
    public static KeeperState fromInt(int value) {
        for (KeeperState candidate : values()) {
            if (candidate.intValue == value) {
                return candidate;
            }
        }
        return null;
    }
}
