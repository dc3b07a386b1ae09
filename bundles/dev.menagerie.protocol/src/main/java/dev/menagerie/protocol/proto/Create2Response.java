package dev.menagerie.protocol.proto;

import dev.menagerie.protocol.data.Stat;
import dev.menagerie.protocol.jute.JuteException;
import dev.menagerie.protocol.jute.JuteReader;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;

/**
 * The reply to create2, createContainer and createTTL: the actual path and the new node's stat.
 */
public record Create2Response(String path, Stat stat) implements JuteRecord {
    @Override
    public void write(JuteWriter writer) {
        writer.writeString(path);
        writer.writeRecord(stat);
    }

    public static Create2Response read(JuteReader reader) throws JuteException {
        String path = reader.readString();
        Stat stat = Stat.read(reader);
        return new Create2Response(path, stat);
    }
}
