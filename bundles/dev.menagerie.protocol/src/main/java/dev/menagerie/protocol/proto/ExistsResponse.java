package dev.menagerie.protocol.proto;

import dev.menagerie.protocol.data.Stat;
import dev.menagerie.protocol.jute.JuteException;
import dev.menagerie.protocol.jute.JuteReader;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;

/**
 * The reply to exists.
 */
public record ExistsResponse(Stat stat) implements JuteRecord {
    @Override
    public void write(JuteWriter writer) {
        writer.writeRecord(stat);
    }

    public static ExistsResponse read(JuteReader reader) throws JuteException {
        return new ExistsResponse(Stat.read(reader));
    }
}
