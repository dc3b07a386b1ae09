package dev.menagerie.protocol.proto;

import dev.menagerie.protocol.jute.JuteException;
import dev.menagerie.protocol.jute.JuteReader;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;

/**
 * Precedes each op of a multi request or result; a header with done=true ends the list.
 */
public record MultiHeader(int type, boolean done, int err) implements JuteRecord {
    /** The header that ends every multi request and multi response: type -1, done, err -1. */
    public static final MultiHeader END = new MultiHeader(-1, true, -1);

    @Override
    public void write(JuteWriter writer) {
        writer.writeInt(type);
        writer.writeBool(done);
        writer.writeInt(err);
    }

    public static MultiHeader read(JuteReader reader) throws JuteException {
        int type = reader.readInt();
        boolean done = reader.readBool();
        int err = reader.readInt();
        return new MultiHeader(type, done, err);
    }
}
