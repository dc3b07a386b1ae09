package dev.menagerie.protocol.proto;

import dev.menagerie.protocol.jute.JuteException;
import dev.menagerie.protocol.jute.JuteReader;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;

/**
 * A legacy reply that has no op code in 3.9; kept for completeness.
 */
public record GetMaxChildrenResponse(int max) implements JuteRecord {
    @Override
    public void write(JuteWriter writer) {
        writer.writeInt(max);
    }

    public static GetMaxChildrenResponse read(JuteReader reader) throws JuteException {
        return new GetMaxChildrenResponse(reader.readInt());
    }
}
