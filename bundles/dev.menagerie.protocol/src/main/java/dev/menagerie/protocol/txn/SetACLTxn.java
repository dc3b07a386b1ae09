package dev.menagerie.protocol.txn;

import dev.menagerie.protocol.data.ACL;
import dev.menagerie.protocol.jute.JuteException;
import dev.menagerie.protocol.jute.JuteReader;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;

import java.util.List;

/**
 * A setACL transaction; version is the node's new ACL version.
 */
public record SetACLTxn(String path, List<ACL> acl, int version) implements JuteRecord {
    @Override
    public void write(JuteWriter writer) {
        writer.writeString(path);
        writer.writeRecordVector(acl);
        writer.writeInt(version);
    }

    public static SetACLTxn read(JuteReader reader) throws JuteException {
        String path = reader.readString();
        List<ACL> acl = reader.readVector(ACL::read);
        int version = reader.readInt();
        return new SetACLTxn(path, acl, version);
    }
}
