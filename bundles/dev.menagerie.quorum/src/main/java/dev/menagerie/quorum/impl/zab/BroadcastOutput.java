package dev.menagerie.quorum.impl.zab;

import java.util.Set;

/** What the leader's broadcast core asks its caller to do; the caller owns sockets, disks and the data tree. */
sealed interface BroadcastOutput {

    /** Send one Zab packet. The payload is the transaction for PROPOSAL and INFORM, null otherwise. */
    record Send(long toSid, ZabPacketType type, long zxid, byte[] payload) implements BroadcastOutput {
    }

    /** Apply a committed transaction locally; these come in zxid order. */
    record Commit(long zxid, byte[] txn) implements BroadcastOutput {
    }

    /**
     * Too few followers were heard from within syncLimit: the leader must stop leading and rejoin election.
     *
     * @param syncedSids the servers (the leader included) that were still in touch
     */
    record QuorumLost(Set<Long> syncedSids) implements BroadcastOutput {
    }
}
