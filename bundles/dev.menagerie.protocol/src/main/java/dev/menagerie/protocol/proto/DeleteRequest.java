package dev.menagerie.protocol.proto;

import dev.menagerie.protocol.jute.JuteException;
import dev.menagerie.protocol.jute.JuteReader;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;

/**
 * delete and deleteContainer (ops 2, 20); version -1 matches any version.
 */
public record DeleteRequest(String path, int version) implements JuteRecord {
    @Override
    public void write(JuteWriter writer) {
        writer.writeString(path);
        writer.writeInt(version);
    }

    public static DeleteRequest read(JuteReader reader) throws JuteException {
        String path = reader.readString();
        int version = reader.readInt();
        return new DeleteRequest(path, version);
    }
}
