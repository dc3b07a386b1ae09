package dev.menagerie.protocol;

/**
 * {@code CheckWatchesRequest.type} and {@code RemoveWatchesRequest.type}, numbered as in Apache ZooKeeper's
 * {@code Watcher.WatcherType}.
 */
public enum WatcherType {
    CHILDREN(1),
    DATA(2),
    ANY(3),
    /** 3.6.0 */
    PERSISTENT(4),
    /** 3.6.0 */
    PERSISTENT_RECURSIVE(5);

    private final int intValue;

    WatcherType(int intValue) {
        this.intValue = intValue;
    }

    /** The number on the wire. */
    public int intValue() {
        return intValue;
    }

    /** The type with this number, or null. */
    public static WatcherType fromInt(int value) {
        return value >= 1 && value <= 5 ? values()[value - 1] : null;
    }
}
