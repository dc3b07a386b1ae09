package dev.menagerie.protocol.proto;

import dev.menagerie.protocol.jute.JuteException;
import dev.menagerie.protocol.jute.JuteReader;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;

import java.util.List;

/**
 * The reply to getEphemerals.
 */
public record GetEphemeralsResponse(List<String> ephemerals) implements JuteRecord {
    @Override
    public void write(JuteWriter writer) {
        writer.writeStringVector(ephemerals);
    }

    public static GetEphemeralsResponse read(JuteReader reader) throws JuteException {
        return new GetEphemeralsResponse(reader.readStringVector());
    }
}
