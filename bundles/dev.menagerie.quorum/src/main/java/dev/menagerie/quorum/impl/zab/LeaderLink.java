package dev.menagerie.quorum.impl.zab;

import dev.menagerie.protocol.quorum.QuorumPacket;

/**
 * The socket seam of a learner: its connection to the leader. Sending never blocks; a packet sent before the
 * connection is up or after it broke is dropped (the role ends then anyway). Safe to call from any thread.
 */
interface LeaderLink {

    void send(QuorumPacket packet);
}
