package dev.menagerie.jmx.impl;

import dev.menagerie.api.status.ServerStatus;

/** The server bean of a role that an election gave (leader or follower): it reports how long that election took. */
abstract class ElectedServerBean extends ServerBean {

    protected final ServerStatus status;

    ElectedServerBean(ServerStatus status, long nowMs) {
        super(status, nowMs);
        this.status = status;
    }

    public long getElectionTimeTaken() {
        return status.electionTimeTakenMs();
    }
}
