package dev.menagerie.protocol.proto;

import dev.menagerie.protocol.jute.JuteException;
import dev.menagerie.protocol.jute.JuteReader;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;

import java.util.List;

/**
 * The reply to getChildren: child names, not paths.
 */
public record GetChildrenResponse(List<String> children) implements JuteRecord {
    @Override
    public void write(JuteWriter writer) {
        writer.writeStringVector(children);
    }

    public static GetChildrenResponse read(JuteReader reader) throws JuteException {
        return new GetChildrenResponse(reader.readStringVector());
    }
}
