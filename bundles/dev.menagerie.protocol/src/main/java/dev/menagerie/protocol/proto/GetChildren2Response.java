package dev.menagerie.protocol.proto;

import dev.menagerie.protocol.data.Stat;
import dev.menagerie.protocol.jute.JuteException;
import dev.menagerie.protocol.jute.JuteReader;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;

import java.util.List;

/**
 * The reply to getChildren2: child names and the parent's stat.
 */
public record GetChildren2Response(List<String> children, Stat stat) implements JuteRecord {
    @Override
    public void write(JuteWriter writer) {
        writer.writeStringVector(children);
        writer.writeRecord(stat);
    }

    public static GetChildren2Response read(JuteReader reader) throws JuteException {
        List<String> children = reader.readStringVector();
        Stat stat = Stat.read(reader);
        return new GetChildren2Response(children, stat);
    }
}
