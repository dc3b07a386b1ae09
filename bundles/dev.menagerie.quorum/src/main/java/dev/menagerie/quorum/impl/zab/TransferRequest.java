package dev.menagerie.quorum.impl.zab;

import dev.menagerie.api.status.LeadershipTransfer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * An operator's request to move leadership to {@link #targetSid()}: refused at once or given up by the leader, or
 * completed by the peer once the election after the leader stepped down chose the next leader.
 */
public final class TransferRequest {

    private final long targetSid;
    private final long startNanos;
    private final CompletableFuture<LeadershipTransfer> outcome = new CompletableFuture<>();
    private volatile boolean confirmed;
    private volatile String stepDownReason = "";

    public TransferRequest(long targetSid) {
        this.targetSid = targetSid;
        this.startNanos = System.nanoTime();
    }

    public long targetSid() {
        return targetSid;
    }

    public CompletionStage<LeadershipTransfer> outcome() {
        return outcome;
    }

    /** Not transferred: this server leads on (or never led). */
    public void refuse(String reason) {
        outcome.complete(LeadershipTransfer.refused(targetSid, reason));
    }

    void steppedDown(boolean targetConfirmed, String reason) {
        this.confirmed = targetConfirmed;
        this.stepDownReason = reason;
    }

    /** This server stepped down but will not see the next election's outcome; no effect once answered. */
    public void noElection(String why) {
        outcome.complete(new LeadershipTransfer(true, targetSid, -1, -1, "stepped down (" + stepDownReason + "), but "
                + why));
    }

    /** The election after stepping down chose {@code newLeaderSid}. */
    public void elected(long newLeaderSid) {
        long handoverMs = (System.nanoTime() - startNanos) / 1_000_000;
        String message = newLeaderSid == targetSid
                ? "server " + targetSid + " was elected leader " + handoverMs + " ms after requests were held"
                : "stepped down (" + stepDownReason + "), but the election chose server " + newLeaderSid;
        outcome.complete(new LeadershipTransfer(true, targetSid, newLeaderSid, handoverMs,
                confirmed ? message : message + "; the target had not confirmed the handover proposal"));
    }
}
