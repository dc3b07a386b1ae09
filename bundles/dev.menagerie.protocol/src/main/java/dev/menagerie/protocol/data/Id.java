package dev.menagerie.protocol.data;

import dev.menagerie.protocol.jute.JuteException;
import dev.menagerie.protocol.jute.JuteReader;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;

/**
 * An authenticated identity: a scheme such as {@code world}, {@code digest} or {@code ip}, and an id within it.
 */
public record Id(String scheme, String id) implements JuteRecord {
    @Override
    public void write(JuteWriter writer) {
        writer.writeString(scheme);
        writer.writeString(id);
    }

    public static Id read(JuteReader reader) throws JuteException {
        String scheme = reader.readString();
        String id = reader.readString();
        return new Id(scheme, id);
    }
}
