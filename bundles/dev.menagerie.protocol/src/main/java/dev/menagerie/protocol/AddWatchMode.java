package dev.menagerie.protocol;

/** {@code AddWatchRequest.mode} (3.6+), numbered as in Apache ZooKeeper's {@code AddWatchMode}. */
public enum AddWatchMode {
    /** Fires for data changes of the node and its child list; stays registered. */
    PERSISTENT(0),
    /** Fires for changes of the node and of every descendant; stays registered. */
    PERSISTENT_RECURSIVE(1);

    private final int mode;

    AddWatchMode(int mode) {
        this.mode = mode;
    }

    /** The number on the wire. */
    public int mode() {
        return mode;
    }

    /** The mode with this number, or null. */
    public static AddWatchMode fromMode(int mode) {
        return switch (mode) {
            case 0 -> PERSISTENT;
            case 1 -> PERSISTENT_RECURSIVE;
            default -> null;
        };
    }
}
