package dev.menagerie.protocol.txn;

import dev.menagerie.protocol.jute.JuteException;
import dev.menagerie.protocol.jute.JuteReader;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;

/**
 * A createSession transaction: the negotiated session timeout in milliseconds.
 */
public record CreateSessionTxn(int timeOut) implements JuteRecord {
    @Override
    public void write(JuteWriter writer) {
        writer.writeInt(timeOut);
    }

    public static CreateSessionTxn read(JuteReader reader) throws JuteException {
        return new CreateSessionTxn(reader.readInt());
    }
}
