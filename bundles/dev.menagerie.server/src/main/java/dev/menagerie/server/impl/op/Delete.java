package dev.menagerie.server.impl.op;

import dev.menagerie.protocol.ErrorCode;
import dev.menagerie.protocol.OpCode;
import dev.menagerie.protocol.Perms;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;
import dev.menagerie.protocol.proto.DeleteRequest;
import dev.menagerie.protocol.txn.DeleteTxn;
import dev.menagerie.server.impl.tree.ProcessTxnResult;

/** delete: a node without children, if the client may delete from its parent and the version matches. */
public record Delete(String path, int version) implements WriteOperation, MultiPart {

    @Override
    public int opCode() {
        return OpCode.DELETE;
    }

    @Override
    public JuteRecord prepare(Preparation prep, TxnStamp stamp) throws KeeperFailure {
        String parentPath = Preparation.parentForDelete(path);
        ChangeRecord parent = prep.existing(parentPath);
        prep.requirePermission(parent.acl, Perms.DELETE, stamp.authIds(), path);
        ChangeRecord node = prep.existing(path);
        Preparation.checkVersion(node.version, version, path);
        if (node.childCount > 0) {
            throw new KeeperFailure(ErrorCode.NOTEMPTY, path);
        }
        prep.recordDeletion(parent, node, stamp.zxid());
        return new DeleteTxn(path);
    }

    @Override
    public void audit(AuditTrail trail, boolean failed, ProcessTxnResult result) {
        trail.write("delete", path, null, null, failed, result);
    }

    @Override
    public void write(JuteWriter out) {
        new DeleteRequest(path, version).write(out);
    }
}
