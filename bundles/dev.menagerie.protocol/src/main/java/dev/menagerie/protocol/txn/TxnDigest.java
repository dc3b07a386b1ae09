package dev.menagerie.protocol.txn;

import dev.menagerie.protocol.jute.JuteException;
import dev.menagerie.protocol.jute.JuteReader;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;

/**
 * The data-tree digest that follows a transaction in 3.6+ logs and proposals.
 */
public record TxnDigest(int version, long treeDigest) implements JuteRecord {
    @Override
    public void write(JuteWriter writer) {
        writer.writeInt(version);
        writer.writeLong(treeDigest);
    }

    public static TxnDigest read(JuteReader reader) throws JuteException {
        int version = reader.readInt();
        long treeDigest = reader.readLong();
        return new TxnDigest(version, treeDigest);
    }
}
