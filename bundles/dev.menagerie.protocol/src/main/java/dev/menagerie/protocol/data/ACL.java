package dev.menagerie.protocol.data;

import dev.menagerie.protocol.jute.JuteException;
import dev.menagerie.protocol.jute.JuteReader;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;

/**
 * One access-control entry: a permission bit set ({@code Perms}) granted to an {@link Id}.
 */
public record ACL(int perms, Id id) implements JuteRecord {
    @Override
    public void write(JuteWriter writer) {
        writer.writeInt(perms);
        writer.writeRecord(id);
    }

    public static ACL read(JuteReader reader) throws JuteException {
        int perms = reader.readInt();
        Id id = Id.read(reader);
        return new ACL(perms, id);
    }
}
