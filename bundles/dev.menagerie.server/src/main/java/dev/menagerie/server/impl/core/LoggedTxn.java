package dev.menagerie.server.impl.core;

import dev.menagerie.protocol.OpCode;
import dev.menagerie.protocol.jute.JuteException;
import dev.menagerie.protocol.jute.JuteReader;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.txn.CloseSessionTxn;
import dev.menagerie.protocol.txn.CreateSessionTxn;
import dev.menagerie.protocol.txn.CreateTxn;
import dev.menagerie.protocol.txn.CreateTxnV0;
import dev.menagerie.protocol.txn.MultiTxn;
import dev.menagerie.protocol.txn.SetACLTxn;
import dev.menagerie.protocol.txn.SetDataTxn;
import dev.menagerie.protocol.txn.TxnHeader;
import dev.menagerie.server.impl.tree.TxnRecords;
import java.nio.ByteBuffer;

/**
 * A transaction read back from the log: the header and the body its type calls for, as Apache's
 * {@code SerializeUtils.deserializeTxn} reads them. A digest after the body, if any, is not needed to replay.
 */
record LoggedTxn(TxnHeader header, JuteRecord txn) {

    static LoggedTxn decode(byte[] bytes, int maxRecordBytes) throws JuteException {
        JuteReader reader = new JuteReader(ByteBuffer.wrap(bytes), maxRecordBytes);
        TxnHeader header = TxnHeader.read(reader);
        int bodyStart = TxnHeader.SIZE_BYTES;
        return new LoggedTxn(header, body(header.type(), reader, bytes, bodyStart));
    }

    private static JuteRecord body(int type, JuteReader reader, byte[] bytes, int bodyStart) throws JuteException {
        switch (type) {
            case OpCode.CREATE_SESSION:
                return CreateSessionTxn.read(reader);
            case OpCode.CLOSE_SESSION:
                return reader.hasRemaining() ? CloseSessionTxn.read(reader) : null;
            case OpCode.SET_ACL:
                return SetACLTxn.read(reader);
            case OpCode.RECONFIG:
                return SetDataTxn.read(reader);
            case OpCode.MULTI:
                return MultiTxn.read(reader);
            case OpCode.CREATE:
            case OpCode.CREATE2:
                return create(reader, bytes, bodyStart);
            default:
                byte[] body = java.util.Arrays.copyOfRange(bytes, bodyStart, bytes.length);
                return TxnRecords.decodeMultiOp(type, body);
        }
    }

    /** Logs from before 3.3 carry CreateTxnV0, without the parent's cversion. */
    private static JuteRecord create(JuteReader reader, byte[] bytes, int bodyStart) throws JuteException {
        try {
            return CreateTxn.read(reader);
        } catch (JuteException e) {
            JuteReader old = JuteReader.of(java.util.Arrays.copyOfRange(bytes, bodyStart, bytes.length));
            CreateTxnV0 v0 = CreateTxnV0.read(old);
            return new CreateTxn(v0.path(), v0.data(), v0.acl(), v0.ephemeral(), -1);
        }
    }
}
