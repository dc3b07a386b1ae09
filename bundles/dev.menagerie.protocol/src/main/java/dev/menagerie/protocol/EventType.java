package dev.menagerie.protocol;

/** {@code WatcherEvent.type}, numbered as in Apache ZooKeeper's {@code Watcher.Event.EventType}. */
public enum EventType {
    /** A session state change, not a node event. */
    NONE(-1),
    NODE_CREATED(1),
    NODE_DELETED(2),
    NODE_DATA_CHANGED(3),
    NODE_CHILDREN_CHANGED(4),
    /** 3.5.0 */
    DATA_WATCH_REMOVED(5),
    /** 3.5.0 */
    CHILD_WATCH_REMOVED(6),
    /** 3.6.0 */
    PERSISTENT_WATCH_REMOVED(7);

    private final int intValue;

    EventType(int intValue) {
        this.intValue = intValue;
    }

    /** The number on the wire. */
    public int intValue() {
        return intValue;
    }

    /** The type with this number, or null. */
    public static EventType fromInt(int value) {
        for (EventType candidate : values()) {
            if (candidate.intValue == value) {
                return candidate;
            }
        }
        return null;
    }
}
