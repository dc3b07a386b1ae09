package dev.menagerie.protocol.proto;

import dev.menagerie.protocol.jute.JuteException;
import dev.menagerie.protocol.jute.JuteReader;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;

/**
 * The reply to getAllChildrenNumber.
 */
public record GetAllChildrenNumberResponse(int totalNumber) implements JuteRecord {
    @Override
    public void write(JuteWriter writer) {
        writer.writeInt(totalNumber);
    }

    public static GetAllChildrenNumberResponse read(JuteReader reader) throws JuteException {
        return new GetAllChildrenNumberResponse(reader.readInt());
    }
}
