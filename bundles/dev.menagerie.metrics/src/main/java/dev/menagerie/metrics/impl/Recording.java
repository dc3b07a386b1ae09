package dev.menagerie.metrics.impl;

/**
 * Whether the registry's counters and summaries record: on, except while zoo.cfg names Apache's
 * {@code NullMetricsProvider}, with which Apache's metrics do nothing and print nothing. A record then costs one
 * volatile read.
 */
final class Recording {

    /** For metrics made outside a registry (tests): always on. */
    static final Recording ALWAYS = new Recording();

    private volatile boolean on = true;

    boolean on() {
        return on;
    }

    void set(boolean value) {
        if (this == ALWAYS) {
            throw new IllegalStateException("the shared always-on switch cannot be turned off");
        }
        on = value;
    }
}
