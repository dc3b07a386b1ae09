package dev.menagerie.protocol.proto;

import dev.menagerie.protocol.data.ACL;
import dev.menagerie.protocol.data.Stat;
import dev.menagerie.protocol.jute.JuteException;
import dev.menagerie.protocol.jute.JuteReader;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;

import java.util.List;

/**
 * The reply to getACL: the ACL and the node's stat.
 */
public record GetACLResponse(List<ACL> acl, Stat stat) implements JuteRecord {
    @Override
    public void write(JuteWriter writer) {
        writer.writeRecordVector(acl);
        writer.writeRecord(stat);
    }

    public static GetACLResponse read(JuteReader reader) throws JuteException {
        List<ACL> acl = reader.readVector(ACL::read);
        Stat stat = Stat.read(reader);
        return new GetACLResponse(acl, stat);
    }
}
