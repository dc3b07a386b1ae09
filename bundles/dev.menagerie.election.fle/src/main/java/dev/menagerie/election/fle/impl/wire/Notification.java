package dev.menagerie.election.fle.impl.wire;

import dev.menagerie.api.election.PeerState;
import java.util.Objects;

/**
 * One leader-election notification as it travels between election ports. The sender's id is not in the message:
 * the connection it arrived on names it.
 *
 * @param stateCode the sender's state as a wire code; codes no version defines are kept so the receiver can
 *     apply Apache's rule for them (answered when the sender is not a voter, otherwise dropped)
 * @param leader the proposed leader's server id
 * @param zxid the proposed leader's last logged zxid
 * @param electionEpoch the sender's logical clock (its election round)
 * @param peerEpoch the proposed leader's epoch
 * @param version the format version as a 3.9 receiver sees it: 0 for 28- and 40-byte messages, else the field
 * @param config the sender's quorum configuration text (version 2 and later); empty when absent
 */
public record Notification(int stateCode, long leader, long zxid, long electionEpoch, long peerEpoch, int version,
        String config) {

    /** The version 3.5 and later send: the layout with a configuration. */
    public static final int CURRENT_VERSION = 2;

    public Notification {
        Objects.requireNonNull(config, "config");
    }

    /** A notification in the current format, as this implementation sends it. */
    public static Notification of(PeerState state, long leader, long zxid, long electionEpoch, long peerEpoch,
            String config) {
        return new Notification(state.wireCode(), leader, zxid, electionEpoch, peerEpoch, CURRENT_VERSION, config);
    }

    /** The sender's state, or null when the code is not one that 3.9 knows. */
    public PeerState state() {
        return PeerState.fromWireCode(stateCode);
    }
}
