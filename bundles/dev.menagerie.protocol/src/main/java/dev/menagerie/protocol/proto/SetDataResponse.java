package dev.menagerie.protocol.proto;

import dev.menagerie.protocol.data.Stat;
import dev.menagerie.protocol.jute.JuteException;
import dev.menagerie.protocol.jute.JuteReader;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;

/**
 * The reply to setData.
 */
public record SetDataResponse(Stat stat) implements JuteRecord {
    @Override
    public void write(JuteWriter writer) {
        writer.writeRecord(stat);
    }

    public static SetDataResponse read(JuteReader reader) throws JuteException {
        return new SetDataResponse(Stat.read(reader));
    }
}
