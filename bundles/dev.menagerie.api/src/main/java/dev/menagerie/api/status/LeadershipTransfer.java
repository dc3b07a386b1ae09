package dev.menagerie.api.status;

import java.util.Objects;

/**
 * The outcome of moving leadership to a named voting server for planned maintenance: the leader held new requests,
 * waited until the target had logged every proposal, gave it one more that only it logs, and stepped down, so that
 * the next election chooses the target.
 *
 * @param transferred true when the leader stepped down for the target; false when the transfer was refused or
 *        given up, and the leader kept leading
 * @param targetSid the server asked to lead
 * @param newLeaderSid the leader the next election chose, as this server saw it; -1 when not transferred or not
 *        yet known
 * @param handoverMs from holding requests to that election's end on this server; -1 when not transferred
 * @param message one line for the operator: why it was refused or given up, or what happened
 */
public record LeadershipTransfer(boolean transferred, long targetSid, long newLeaderSid, long handoverMs,
        String message) {

    public LeadershipTransfer {
        Objects.requireNonNull(message, "message");
    }

    /** A transfer refused or given up, with the leader still leading. */
    public static LeadershipTransfer refused(long targetSid, String message) {
        return new LeadershipTransfer(false, targetSid, -1, -1, message);
    }
}
