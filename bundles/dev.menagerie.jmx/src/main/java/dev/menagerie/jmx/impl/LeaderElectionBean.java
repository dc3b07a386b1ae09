package dev.menagerie.jmx.impl;

import java.util.Date;

/** Registered when the exporter sees the server electing; its start time is that moment. */
final class LeaderElectionBean implements LeaderElectionMXBean {

    private final String startTime;

    LeaderElectionBean(long nowMs) {
        this.startTime = new Date(nowMs).toString();
    }

    @Override
    public String getName() {
        return "LeaderElection";
    }

    @Override
    public String getStartTime() {
        return startTime;
    }
}
