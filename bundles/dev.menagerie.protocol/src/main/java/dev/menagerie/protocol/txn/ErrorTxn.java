package dev.menagerie.protocol.txn;

import dev.menagerie.protocol.jute.JuteException;
import dev.menagerie.protocol.jute.JuteReader;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;

/**
 * A failed op, logged so that the zxid sequence has no gaps.
 */
public record ErrorTxn(int err) implements JuteRecord {
    @Override
    public void write(JuteWriter writer) {
        writer.writeInt(err);
    }

    public static ErrorTxn read(JuteReader reader) throws JuteException {
        return new ErrorTxn(reader.readInt());
    }
}
