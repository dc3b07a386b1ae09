package dev.menagerie.jmx.impl;

/** {@code LeaderElection} under {@code replica.<N>}, registered while the server elects, as in Apache 3.9.5. */
public interface LeaderElectionMXBean {

    /** {@code LeaderElection}. */
    String getName();

    /**
     * When the exporter saw the election begin ({@link java.util.Date#toString()}): it looks once a second, so
     * this is up to a second after the server began electing.
     */
    String getStartTime();
}
