package dev.menagerie.protocol.txn;

import dev.menagerie.protocol.jute.JuteException;
import dev.menagerie.protocol.jute.JuteReader;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;

import java.util.List;

/**
 * A closeSession transaction with the ephemeral paths to delete (3.6+; older logs have no body).
 */
public record CloseSessionTxn(List<String> paths2Delete) implements JuteRecord {
    @Override
    public void write(JuteWriter writer) {
        writer.writeStringVector(paths2Delete);
    }

    public static CloseSessionTxn read(JuteReader reader) throws JuteException {
        return new CloseSessionTxn(reader.readStringVector());
    }
}
