package dev.menagerie.protocol.txn;

import dev.menagerie.protocol.jute.JuteException;
import dev.menagerie.protocol.jute.JuteReader;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;

import java.util.List;

/**
 * A multi transaction: its ops in order.
 */
public record MultiTxn(List<Txn> txns) implements JuteRecord {
    @Override
    public void write(JuteWriter writer) {
        writer.writeRecordVector(txns);
    }

    public static MultiTxn read(JuteReader reader) throws JuteException {
        return new MultiTxn(reader.readVector(Txn::read));
    }
}
