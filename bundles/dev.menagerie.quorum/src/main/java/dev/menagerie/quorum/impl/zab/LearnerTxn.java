package dev.menagerie.quorum.impl.zab;

/** A transaction the learner received and has not yet applied. */
final class LearnerTxn {

    private final long zxid;
    private final byte[] txn;
    /** Proposals are acked once logged; INFORMs (already committed, to observers) never are. */
    private final boolean ackWhenLogged;
    private boolean logged;
    private boolean committed;

    LearnerTxn(long zxid, byte[] txn, boolean ackWhenLogged, boolean committed) {
        this.zxid = zxid;
        this.txn = txn;
        this.ackWhenLogged = ackWhenLogged;
        this.committed = committed;
    }

    long zxid() {
        return zxid;
    }

    byte[] txn() {
        return txn;
    }

    boolean ackWhenLogged() {
        return ackWhenLogged;
    }

    boolean isLogged() {
        return logged;
    }

    boolean isCommitted() {
        return committed;
    }

    void markLogged() {
        logged = true;
    }

    void markCommitted() {
        committed = true;
    }

    boolean isApplicable() {
        return logged && committed;
    }
}
