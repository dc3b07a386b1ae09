package dev.menagerie.protocol.proto;

import dev.menagerie.protocol.jute.JuteException;
import dev.menagerie.protocol.jute.JuteReader;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;

/**
 * reconfig (op 16): incremental (joining/leaving) or bulk (newMembers); curConfigId -1 skips the check.
 */
public record ReconfigRequest(
        String joiningServers,
        String leavingServers,
        String newMembers,
        long curConfigId)
        implements JuteRecord {
    @Override
    public void write(JuteWriter writer) {
        writer.writeString(joiningServers);
        writer.writeString(leavingServers);
        writer.writeString(newMembers);
        writer.writeLong(curConfigId);
    }

    public static ReconfigRequest read(JuteReader reader) throws JuteException {
        String joiningServers = reader.readString();
        String leavingServers = reader.readString();
        String newMembers = reader.readString();
        long curConfigId = reader.readLong();
        return new ReconfigRequest(joiningServers, leavingServers, newMembers, curConfigId);
    }
}
