package dev.menagerie.server.impl.tree;

import dev.menagerie.protocol.ErrorCode;
import dev.menagerie.protocol.OpCode;
import dev.menagerie.protocol.jute.JuteException;
import dev.menagerie.protocol.jute.JuteReader;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.txn.CheckVersionTxn;
import dev.menagerie.protocol.txn.CloseSessionTxn;
import dev.menagerie.protocol.txn.CreateContainerTxn;
import dev.menagerie.protocol.txn.CreateTTLTxn;
import dev.menagerie.protocol.txn.CreateTxn;
import dev.menagerie.protocol.txn.DeleteTxn;
import dev.menagerie.protocol.txn.ErrorTxn;
import dev.menagerie.protocol.txn.MultiTxn;
import dev.menagerie.protocol.txn.SetACLTxn;
import dev.menagerie.protocol.txn.SetDataTxn;
import dev.menagerie.protocol.txn.Txn;
import dev.menagerie.protocol.txn.TxnHeader;
import java.util.HashSet;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The body of {@link DataTree#apply}: Apache ZooKeeper's {@code processTxn} switch, per transaction type. */
final class NodeUpdater {
    private static final Logger LOG = LoggerFactory.getLogger(NodeUpdater.class);

    private final DataTree tree;

    NodeUpdater(DataTree tree) {
        this.tree = tree;
    }

    ProcessTxnResult apply(TxnHeader header, JuteRecord txn, boolean subTxn) {
        ProcessTxnResult result = new ProcessTxnResult(header.clientId(), header.cxid(), header.zxid(),
                header.type());
        try {
            applyByType(header, txn, result);
        } catch (TreeException e) {
            LOG.debug("Failed: {}:{}: {}", header, txn, e.getMessage());
            result.setErr(e.code().code());
        } catch (JuteException e) {
            // As in Apache, a multi whose op cannot be decoded stops there, keeping the ops already applied.
            LOG.warn("Failed to decode an op of multi txn 0x{}: {}", Long.toHexString(header.zxid()),
                    e.getMessage());
        }
        if (header.type() == OpCode.CREATE && result.err() == ErrorCode.NODEEXISTS.code()) {
            // Replaying a fuzzy snapshot can meet a node re-created by another session: the parent still needs
            // the cversion and pzxid this create gave it.
            String path = result.path();
            try {
                tree.setCversionPzxid(path.substring(0, path.lastIndexOf('/')),
                        ((CreateTxn) txn).parentCVersion(), header.zxid());
            } catch (TreeException e) {
                LOG.error("Failed to set parent cversion for: {}", path);
                result.setErr(e.code().code());
            }
        }
        return result;
    }

    private void applyByType(TxnHeader header, JuteRecord txn, ProcessTxnResult result)
            throws TreeException, JuteException {
        long zxid = header.zxid();
        long timeMs = header.time();
        switch (header.type()) {
            case OpCode.CREATE, OpCode.CREATE2 -> {
                CreateTxn create = as(CreateTxn.class, txn, header);
                result.setPath(create.path());
                DataNode node = tree.createNode(create.path(), create.data(), create.acl(),
                        create.ephemeral() ? header.clientId() : 0, create.parentCVersion(), zxid, timeMs, result);
                if (header.type() == OpCode.CREATE2) {
                    result.setStat(node.stat());
                }
            }
            case OpCode.CREATE_TTL -> {
                CreateTTLTxn create = as(CreateTTLTxn.class, txn, header);
                result.setPath(create.path());
                long owner;
                try {
                    owner = NodeKind.ttlOwner(create.ttl());
                } catch (IllegalArgumentException e) {
                    // Apache throws out of processTxn here; prep never logs such a txn.
                    LOG.error("Ignoring createTTL of {} with invalid ttl {}", create.path(), create.ttl());
                    result.setErr(ErrorCode.BADARGUMENTS.code());
                    return;
                }
                result.setStat(tree.createNode(create.path(), create.data(), create.acl(), owner,
                        create.parentCVersion(), zxid, timeMs, result).stat());
            }
            case OpCode.CREATE_CONTAINER -> {
                CreateContainerTxn create = as(CreateContainerTxn.class, txn, header);
                result.setPath(create.path());
                result.setStat(tree.createNode(create.path(), create.data(), create.acl(), NodeKind.CONTAINER_OWNER,
                        create.parentCVersion(), zxid, timeMs, result).stat());
            }
            case OpCode.DELETE, OpCode.DELETE_CONTAINER -> {
                DeleteTxn delete = as(DeleteTxn.class, txn, header);
                result.setPath(delete.path());
                tree.deleteNode(delete.path(), zxid, result);
            }
            case OpCode.SET_DATA, OpCode.RECONFIG -> {
                SetDataTxn setData = as(SetDataTxn.class, txn, header);
                result.setPath(setData.path());
                result.setStat(tree.setData(setData.path(), setData.data(), setData.version(), zxid, timeMs, result));
            }
            case OpCode.SET_ACL -> {
                SetACLTxn setAcl = as(SetACLTxn.class, txn, header);
                result.setPath(setAcl.path());
                result.setStat(tree.setAcl(setAcl.path(), setAcl.acl(), setAcl.version()));
                if (result.stat() == null) {
                    throw new TreeException(ErrorCode.NONODE, setAcl.path());
                }
            }
            case OpCode.CLOSE_SESSION -> closeSession(header, txn == null ? null : as(CloseSessionTxn.class, txn,
                    header), result);
            case OpCode.ERROR -> result.setErr(as(ErrorTxn.class, txn, header).err());
            case OpCode.CHECK -> result.setPath(as(CheckVersionTxn.class, txn, header).path());
            case OpCode.MULTI -> applyMulti(header, as(MultiTxn.class, txn, header), result);
            default -> {
                // createSession and anything else: nothing in the tree changes
            }
        }
    }

    /**
     * Deletes the paths the txn lists (3.6+), then any other ephemeral the tree still holds for the session, as
     * Apache's killSession. A listed path is deleted even if another session owns it, as in Apache.
     */
    private void closeSession(TxnHeader header, CloseSessionTxn txn, ProcessTxnResult result) {
        long sessionId = header.clientId();
        HashSet<String> local = tree.removeEphemerals(sessionId);
        List<String> listed = txn == null ? null : txn.paths2Delete();
        if (listed != null) {
            deleteEphemerals(sessionId, header.zxid(), listed, result);
        }
        if (local == null) {
            return;
        }
        if (listed != null) {
            listed.forEach(local::remove);
            if (!local.isEmpty()) {
                LOG.warn("Unexpected extra paths under session {} which are not in txn 0x{}", local,
                        Long.toHexString(header.zxid()));
            }
        }
        deleteEphemerals(sessionId, header.zxid(), local, result);
    }

    private void deleteEphemerals(long sessionId, long zxid, Iterable<String> paths, ProcessTxnResult result) {
        for (String path : paths) {
            try {
                tree.deleteNode(path, zxid, result);
            } catch (TreeException e) {
                LOG.warn("Ignoring NoNodeException for path {} while removing ephemeral for dead session 0x{}",
                        path, Long.toHexString(sessionId));
            }
        }
    }

    /**
     * Applies a multi's ops in order. If any op is an ErrorTxn the multi failed in prep: every other op is
     * applied as an error too (0 before the first ErrorTxn, RUNTIMEINCONSISTENCY after it), so nothing changes.
     */
    private void applyMulti(TxnHeader header, MultiTxn multi, ProcessTxnResult result) throws JuteException {
        result.startMulti();
        List<Txn> ops = multi.txns() == null ? List.of() : multi.txns();
        boolean failed = ops.stream().anyMatch(op -> op.type() == OpCode.ERROR);
        boolean afterError = false;
        for (Txn op : ops) {
            JuteRecord record = TxnRecords.decodeMultiOp(op.type(), op.data());
            int type = op.type();
            if (type == OpCode.ERROR) {
                afterError = true;
            } else if (failed) {
                record = new ErrorTxn(afterError ? ErrorCode.RUNTIMEINCONSISTENCY.code() : ErrorCode.OK.code());
                type = OpCode.ERROR;
            }
            TxnHeader opHeader = new TxnHeader(header.clientId(), header.cxid(), header.zxid(), header.time(), type);
            ProcessTxnResult opResult = apply(opHeader, record, true);
            result.addSubResult(opResult);
            if (opResult.err() != 0 && result.err() == 0) {
                result.setErr(opResult.err());
            }
        }
    }

    private static <T> T as(Class<T> type, JuteRecord txn, TxnHeader header) {
        if (!type.isInstance(txn)) {
            throw new IllegalArgumentException("txn type " + header.type() + " needs a " + type.getSimpleName()
                    + ", not " + (txn == null ? "null" : txn.getClass().getSimpleName()));
        }
        return type.cast(txn);
    }
}
