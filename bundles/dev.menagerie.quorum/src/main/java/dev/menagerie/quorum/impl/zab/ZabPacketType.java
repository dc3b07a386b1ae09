package dev.menagerie.quorum.impl.zab;

/** The type codes of Zab's QuorumPacket, as Apache ZooKeeper numbers them on the wire. */
enum ZabPacketType {
    REQUEST(1), PROPOSAL(2), ACK(3), COMMIT(4), PING(5), REVALIDATE(6), SYNC(7), INFORM(8),
    COMMITANDACTIVATE(9), NEWLEADER(10), FOLLOWERINFO(11), UPTODATE(12), DIFF(13), TRUNC(14), SNAP(15),
    OBSERVERINFO(16), LEADERINFO(17), ACKEPOCH(18), INFORMANDACTIVATE(19);

    private final int code;

    ZabPacketType(int code) {
        this.code = code;
    }

    /** The value of QuorumPacket's {@code type} field. */
    int code() {
        return code;
    }

    /** The type a QuorumPacket's {@code type} field names, or null for a code no version of Zab defines. */
    static ZabPacketType fromCode(int code) {
        for (ZabPacketType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        return null;
    }
}
