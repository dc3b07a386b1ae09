package dev.menagerie.server.impl.watch;

import dev.menagerie.protocol.AddWatchMode;

/** How a watch on one path behaves, as Apache ZooKeeper's server-side {@code WatcherMode}. */
public enum WatcherMode {
    /** One-shot: removed when it fires (getData, exists, getChildren). */
    STANDARD(false),
    /** Stays after firing; only changes of the path itself. */
    PERSISTENT(false),
    /** Stays after firing; changes of the path and of every descendant. */
    PERSISTENT_RECURSIVE(true);

    private final boolean recursive;

    WatcherMode(boolean recursive) {
        this.recursive = recursive;
    }

    /** True if the watch also fires for descendants. */
    public boolean isRecursive() {
        return recursive;
    }

    /** This mode's bit in a per-path mode set. */
    int bit() {
        return 1 << ordinal();
    }

    /** The mode an addWatch request asks for. */
    public static WatcherMode of(AddWatchMode mode) {
        return switch (mode) {
            case PERSISTENT -> PERSISTENT;
            case PERSISTENT_RECURSIVE -> PERSISTENT_RECURSIVE;
        };
    }
}
