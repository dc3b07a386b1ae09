package dev.menagerie.protocol.proto;

import dev.menagerie.protocol.data.ACL;
import dev.menagerie.protocol.jute.JuteException;
import dev.menagerie.protocol.jute.JuteReader;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;

import java.util.List;

/**
 * setACL (op 7); version is the expected ACL version (aversion), -1 for any.
 */
public record SetACLRequest(String path, List<ACL> acl, int version) implements JuteRecord {
    @Override
    public void write(JuteWriter writer) {
        writer.writeString(path);
        writer.writeRecordVector(acl);
        writer.writeInt(version);
    }

    public static SetACLRequest read(JuteReader reader) throws JuteException {
        String path = reader.readString();
        List<ACL> acl = reader.readVector(ACL::read);
        int version = reader.readInt();
        return new SetACLRequest(path, acl, version);
    }
}
