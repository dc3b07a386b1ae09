package dev.menagerie.protocol.proto;

import dev.menagerie.protocol.jute.JuteException;
import dev.menagerie.protocol.jute.JuteReader;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;

import java.util.List;

/**
 * Re-registers a reconnecting client's one-shot watches (op 101, xid -8).
 */
public record SetWatches(
        long relativeZxid,
        List<String> dataWatches,
        List<String> existWatches,
        List<String> childWatches)
        implements JuteRecord {
    @Override
    public void write(JuteWriter writer) {
        writer.writeLong(relativeZxid);
        writer.writeStringVector(dataWatches);
        writer.writeStringVector(existWatches);
        writer.writeStringVector(childWatches);
    }

    public static SetWatches read(JuteReader reader) throws JuteException {
        long relativeZxid = reader.readLong();
        List<String> dataWatches = reader.readStringVector();
        List<String> existWatches = reader.readStringVector();
        List<String> childWatches = reader.readStringVector();
        return new SetWatches(relativeZxid, dataWatches, existWatches, childWatches);
    }
}
