package dev.menagerie.api.election;

/**
 * A vote for a leader, as election notifications carry it. Votes are ordered by peer epoch, then zxid, then
 * leader id; the higher wins.
 *
 * @param leaderId the proposed leader's server id
 * @param zxid the proposed leader's last logged zxid
 * @param electionEpoch the logical clock of the round the vote belongs to
 * @param peerEpoch the proposed leader's epoch
 * @param state the state of the voter when it sent the vote
 */
public record Vote(long leaderId, long zxid, long electionEpoch, long peerEpoch, PeerState state) {

    /** True when this vote beats {@code other} by (peer epoch, zxid, leader id). */
    public boolean beats(Vote other) {
        if (peerEpoch != other.peerEpoch) {
            return peerEpoch > other.peerEpoch;
        }
        if (zxid != other.zxid) {
            return zxid > other.zxid;
        }
        return leaderId > other.leaderId;
    }
}
