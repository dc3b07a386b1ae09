package dev.menagerie.server.impl.op;

import dev.menagerie.protocol.ErrorCode;
import dev.menagerie.protocol.OpCode;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;
import dev.menagerie.protocol.txn.DeleteTxn;
import dev.menagerie.server.impl.tree.NodeKind;
import dev.menagerie.server.impl.tree.ProcessTxnResult;

/**
 * deleteContainer: the container manager removes an empty container or expired TTL node. Its body is the path
 * alone, which no jute record describes; it runs with session 0, so no session is checked (nor in Apache).
 */
public record DeleteContainer(String path) implements WriteOperation {

    @Override
    public int opCode() {
        return OpCode.DELETE_CONTAINER;
    }

    @Override
    public boolean needsActiveSession() {
        return false;
    }

    @Override
    public JuteRecord prepare(Preparation prep, TxnStamp stamp) throws KeeperFailure {
        String parentPath = Preparation.parentForDelete(path);
        ChangeRecord node = prep.existing(path);
        if (node.childCount > 0) {
            throw new KeeperFailure(ErrorCode.NOTEMPTY, path);
        }
        if (NodeKind.of(node.ephemeralOwner, prep.settings().extendedTypesEnabled()) == NodeKind.NORMAL) {
            throw new KeeperFailure(ErrorCode.BADVERSION, path);
        }
        prep.recordDeletion(prep.existing(parentPath), node, stamp.zxid());
        return new DeleteTxn(path);
    }

    @Override
    public void audit(AuditTrail trail, boolean failed, ProcessTxnResult result) {
        trail.write("delete", path, null, null, failed, result);
    }

    @Override
    public void write(JuteWriter out) {
        out.writeString(path);
    }
}
