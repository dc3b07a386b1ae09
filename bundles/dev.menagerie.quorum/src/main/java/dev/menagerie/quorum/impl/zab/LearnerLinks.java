package dev.menagerie.quorum.impl.zab;

import dev.menagerie.protocol.quorum.QuorumPacket;

/**
 * The socket seam of a leader: its connections to learners by server id. A packet to a learner without a
 * connection is dropped, as the learner syncs again when it reconnects. Called on the role's thread only.
 */
interface LearnerLinks {

    void send(long sid, QuorumPacket packet);

    /** Sends SNAP with {@code zxid}, then the data tree (fuzzy, as of at least {@code zxid}) on the same stream. */
    void sendSnapshot(long sid, long zxid);

    /** Drops the learner's connection; its reader reports nothing more for it. */
    void close(long sid);
}
