package dev.menagerie.admin.impl.command;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The trace mask that {@code gtmk}/{@code stmk} and {@code get_trace_mask}/{@code set_trace_mask} read and set.
 * As Apache ZooKeeper's ZooTrace mask it is one value for the whole process (here: for this bundle, which serves
 * both the client port's words and the admin commands) and starts at Apache's default, 306.
 */
public final class TraceMask {

    /** Apache's default mask: client requests, client pings and server packets. */
    public static final long DEFAULT = 306;

    private static final AtomicLong MASK = new AtomicLong(DEFAULT);

    private TraceMask() {
    }

    public static long get() {
        return MASK.get();
    }

    public static void set(long mask) {
        MASK.set(mask);
    }
}
