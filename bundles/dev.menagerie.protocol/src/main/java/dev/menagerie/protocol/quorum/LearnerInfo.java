package dev.menagerie.protocol.quorum;

import dev.menagerie.protocol.jute.JuteException;
import dev.menagerie.protocol.jute.JuteReader;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;

/**
 * The data of FOLLOWERINFO and OBSERVERINFO packets; configVersion is absent before 3.5.
 */
public record LearnerInfo(long serverid, int protocolVersion, long configVersion) implements JuteRecord {
    @Override
    public void write(JuteWriter writer) {
        writer.writeLong(serverid);
        writer.writeInt(protocolVersion);
        writer.writeLong(configVersion);
    }

    public static LearnerInfo read(JuteReader reader) throws JuteException {
        long serverid = reader.readLong();
        int protocolVersion = reader.readInt();
        long configVersion = reader.readLong();
        return new LearnerInfo(serverid, protocolVersion, configVersion);
    }
}
