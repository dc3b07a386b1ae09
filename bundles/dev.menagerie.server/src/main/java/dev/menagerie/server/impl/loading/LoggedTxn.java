package dev.menagerie.server.impl.loading;

import dev.menagerie.api.storage.LogEntry;
import dev.menagerie.protocol.OpCode;
import dev.menagerie.protocol.jute.JuteException;
import dev.menagerie.protocol.jute.JuteReader;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.txn.CheckVersionTxn;
import dev.menagerie.protocol.txn.CloseSessionTxn;
import dev.menagerie.protocol.txn.CreateContainerTxn;
import dev.menagerie.protocol.txn.CreateSessionTxn;
import dev.menagerie.protocol.txn.CreateTTLTxn;
import dev.menagerie.protocol.txn.CreateTxn;
import dev.menagerie.protocol.txn.CreateTxnV0;
import dev.menagerie.protocol.txn.DeleteTxn;
import dev.menagerie.protocol.txn.ErrorTxn;
import dev.menagerie.protocol.txn.MultiTxn;
import dev.menagerie.protocol.txn.SetACLTxn;
import dev.menagerie.protocol.txn.SetDataTxn;
import dev.menagerie.protocol.txn.TxnDigest;
import dev.menagerie.protocol.txn.TxnHeader;
import dev.menagerie.server.impl.pipeline.CommittedTxn;
import dev.menagerie.server.impl.tree.DataTree;
import java.nio.ByteBuffer;

/**
 * A transaction read back from the log or a leader's proposal: the header and the body its type calls for, as
 * Apache's {@code SerializeUtils.deserializeTxn} reads them, and the digest after the body if there is one (not
 * needed to replay, checked when a learner applies a commit).
 */
public record LoggedTxn(TxnHeader header, JuteRecord txn, TxnDigest digest) {

    /**
     * A transaction the leader committed, ready to apply: the logged digest is kept when this tree computes the
     * same digest version, so that applying it checks the tree against the leader's.
     *
     * @throws IllegalArgumentException when the entry does not decode (the log or the leader is broken)
     */
    public static CommittedTxn committed(LogEntry entry, int maxRecordBytes) {
        try {
            LoggedTxn logged = decode(entry.txnBytes(), maxRecordBytes);
            TxnDigest digest = logged.digest();
            Long expected = digest != null && digest.version() == DataTree.digestVersion() ? digest.treeDigest()
                    : null;
            return new CommittedTxn(logged.header(), logged.txn(), expected);
        } catch (JuteException e) {
            throw new IllegalArgumentException("committed transaction 0x" + Long.toHexString(entry.zxid())
                    + " does not decode: " + e.getMessage(), e);
        }
    }

    static LoggedTxn decode(byte[] bytes, int maxRecordBytes) throws JuteException {
        JuteReader reader = reader(bytes, maxRecordBytes);
        TxnHeader header = TxnHeader.read(reader);
        JuteRecord txn;
        TxnDigest digest = null;
        try {
            txn = body(header.type(), reader);
            if (reader.hasRemaining()) {
                digest = TxnDigest.read(reader);
            }
        } catch (JuteException e) {
            if (header.type() != OpCode.CREATE && header.type() != OpCode.CREATE2) {
                throw e;
            }
            txn = createV0(bytes, maxRecordBytes);
        }
        return new LoggedTxn(header, txn, digest);
    }

    private static JuteReader reader(byte[] bytes, int maxRecordBytes) {
        return new JuteReader(ByteBuffer.wrap(bytes), maxRecordBytes);
    }

    private static JuteRecord body(int type, JuteReader reader) throws JuteException {
        return switch (type) {
            case OpCode.CREATE_SESSION -> CreateSessionTxn.read(reader);
            case OpCode.CLOSE_SESSION -> reader.hasRemaining() ? CloseSessionTxn.read(reader) : null;
            case OpCode.CREATE, OpCode.CREATE2 -> CreateTxn.read(reader);
            case OpCode.CREATE_TTL -> CreateTTLTxn.read(reader);
            case OpCode.CREATE_CONTAINER -> CreateContainerTxn.read(reader);
            case OpCode.DELETE, OpCode.DELETE_CONTAINER -> DeleteTxn.read(reader);
            case OpCode.SET_DATA, OpCode.RECONFIG -> SetDataTxn.read(reader);
            case OpCode.SET_ACL -> SetACLTxn.read(reader);
            case OpCode.CHECK -> CheckVersionTxn.read(reader);
            case OpCode.MULTI -> MultiTxn.read(reader);
            case OpCode.ERROR -> ErrorTxn.read(reader);
            default -> null;
        };
    }

    /** Logs from before 3.3 carry CreateTxnV0, without the parent's cversion (Apache then passes -1). */
    private static JuteRecord createV0(byte[] bytes, int maxRecordBytes) throws JuteException {
        JuteReader reader = reader(bytes, maxRecordBytes);
        TxnHeader.read(reader);
        CreateTxnV0 v0 = CreateTxnV0.read(reader);
        return new CreateTxn(v0.path(), v0.data(), v0.acl(), v0.ephemeral(), -1);
    }
}
