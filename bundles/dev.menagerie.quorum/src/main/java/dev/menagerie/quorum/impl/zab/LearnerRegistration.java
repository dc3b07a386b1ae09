package dev.menagerie.quorum.impl.zab;

import dev.menagerie.protocol.jute.JuteWriter;
import dev.menagerie.protocol.quorum.LearnerInfo;
import dev.menagerie.protocol.quorum.QuorumPacket;
import java.nio.ByteBuffer;

/**
 * A learner's half of Zab discovery, after Apache's Learner.registerWithLeader: FOLLOWERINFO (or OBSERVERINFO)
 * with the accepted epoch, then, on LEADERINFO, accept the new epoch and answer ACKEPOCH with the current epoch
 * (or -1 when the epoch was already accepted) and the last logged zxid. Pure functions; the caller does the I/O.
 */
final class LearnerRegistration {

    private LearnerRegistration() {
    }

    static ZabPacketType infoType(LearnerRole role) {
        return role == LearnerRole.FOLLOWER ? ZabPacketType.FOLLOWERINFO : ZabPacketType.OBSERVERINFO;
    }

    static long infoZxid(long acceptedEpoch) {
        return Zxids.of(acceptedEpoch, 0);
    }

    static byte[] infoPayload(long myId) {
        JuteWriter writer = new JuteWriter(20);
        new LearnerInfo(myId, LeaderCore.PROTOCOL_VERSION, 0L).write(writer);
        return writer.toByteArray();
    }

    /**
     * What to do on LEADERINFO.
     *
     * @param acceptEpoch the epoch to persist as accepted before answering, or -1 when it already is
     * @param ackPayload the ACKEPOCH data: the current epoch as an int, or -1
     */
    record EpochAnswer(long acceptEpoch, long ackZxid, byte[] ackPayload) {
    }

    /** @throws IllegalStateException when the leader's epoch is older than one this learner already accepted */
    static EpochAnswer onLeaderInfo(long leaderInfoZxid, long acceptedEpoch, long currentEpoch,
            long lastLoggedZxid) {
        long newEpoch = Zxids.epoch(leaderInfoZxid);
        if (newEpoch < acceptedEpoch) {
            throw new IllegalStateException("the leader's epoch " + newEpoch + " is less than our accepted epoch "
                    + acceptedEpoch);
        }
        boolean fresh = newEpoch > acceptedEpoch;
        int wrapped = fresh ? (int) currentEpoch : -1;
        byte[] payload = ByteBuffer.allocate(4).putInt(wrapped).array();
        return new EpochAnswer(fresh ? newEpoch : -1, lastLoggedZxid, payload);
    }

    /** A learner's first packet as the leader reads it. */
    record Info(long sid, LearnerRole role, long acceptedEpoch) {
    }

    /** The leader's reading of FOLLOWERINFO or OBSERVERINFO; null for any other packet or one without a server id. */
    static Info readInfo(QuorumPacket packet) {
        LearnerRole role = packet.type() == ZabPacketType.FOLLOWERINFO.code() ? LearnerRole.FOLLOWER
                : packet.type() == ZabPacketType.OBSERVERINFO.code() ? LearnerRole.OBSERVER : null;
        if (role == null || packet.data() == null || packet.data().length < 8) {
            return null;
        }
        return new Info(ByteBuffer.wrap(packet.data()).getLong(), role, Zxids.epoch(packet.zxid()));
    }

    /** The leader's reading of an ACKEPOCH payload: the learner's current epoch, or -1. */
    static long ackedCurrentEpoch(byte[] payload) {
        if (payload == null || payload.length < 4) {
            return -1;
        }
        return ByteBuffer.wrap(payload).getInt();
    }
}
