package dev.menagerie.quorum.impl.zab;

import java.util.HashSet;
import java.util.Set;

/** A proposal that has been broadcast and waits for a quorum of acks. */
final class PendingProposal {

    private final long zxid;
    private final byte[] txn;
    private final Set<Long> ackSids = new HashSet<>();

    PendingProposal(long zxid, byte[] txn) {
        this.zxid = zxid;
        this.txn = txn;
    }

    long zxid() {
        return zxid;
    }

    byte[] txn() {
        return txn;
    }

    void ack(long sid) {
        ackSids.add(sid);
    }

    /** Forgets the ack of {@code sid}: its log no longer holds this proposal. */
    void unack(long sid) {
        ackSids.remove(sid);
    }

    Set<Long> ackSids() {
        return Set.copyOf(ackSids);
    }
}
