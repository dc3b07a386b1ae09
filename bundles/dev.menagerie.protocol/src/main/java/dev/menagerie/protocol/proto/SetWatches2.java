package dev.menagerie.protocol.proto;

import dev.menagerie.protocol.jute.JuteException;
import dev.menagerie.protocol.jute.JuteReader;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;

import java.util.List;

/**
 * Re-registers one-shot and persistent watches (op 105, 3.6+).
 */
public record SetWatches2(
        long relativeZxid,
        List<String> dataWatches,
        List<String> existWatches,
        List<String> childWatches,
        List<String> persistentWatches,
        List<String> persistentRecursiveWatches)
        implements JuteRecord {
    @Override
    public void write(JuteWriter writer) {
        writer.writeLong(relativeZxid);
        writer.writeStringVector(dataWatches);
        writer.writeStringVector(existWatches);
        writer.writeStringVector(childWatches);
        writer.writeStringVector(persistentWatches);
        writer.writeStringVector(persistentRecursiveWatches);
    }

    public static SetWatches2 read(JuteReader reader) throws JuteException {
        long relativeZxid = reader.readLong();
        List<String> dataWatches = reader.readStringVector();
        List<String> existWatches = reader.readStringVector();
        List<String> childWatches = reader.readStringVector();
        List<String> persistentWatches = reader.readStringVector();
        List<String> persistentRecursiveWatches = reader.readStringVector();
        return new SetWatches2(
                relativeZxid,
                dataWatches,
                existWatches,
                childWatches,
                persistentWatches,
                persistentRecursiveWatches);
    }
}
