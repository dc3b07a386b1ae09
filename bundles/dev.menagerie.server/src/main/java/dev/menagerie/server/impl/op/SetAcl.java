package dev.menagerie.server.impl.op;

import dev.menagerie.protocol.OpCode;
import dev.menagerie.protocol.Perms;
import dev.menagerie.protocol.data.ACL;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;
import dev.menagerie.protocol.proto.SetACLRequest;
import dev.menagerie.protocol.proto.SetACLResponse;
import dev.menagerie.protocol.txn.SetACLTxn;
import dev.menagerie.server.impl.audit.AuditRecord;
import dev.menagerie.server.impl.tree.ProcessTxnResult;
import java.util.List;

/** setACL: a new ACL for a node the client administers, if the ACL version matches. */
public record SetAcl(String path, List<ACL> acl, int version) implements WriteOperation {

    @Override
    public int opCode() {
        return OpCode.SET_ACL;
    }

    @Override
    public JuteRecord prepare(Preparation prep, TxnStamp stamp) throws KeeperFailure {
        Preparation.requireValidPath(path);
        List<ACL> fixedAcl = prep.fixup(path, acl, stamp.authIds());
        ChangeRecord node = prep.existing(path);
        prep.requirePermission(node.acl, Perms.ADMIN, stamp.authIds(), path);
        int newVersion = Preparation.checkVersion(node.aversion, version, path);
        ChangeRecord changed = node.duplicate(stamp.zxid());
        changed.aversion = newVersion;
        changed.acl = fixedAcl;
        prep.pending().add(changed, node);
        return new SetACLTxn(path, fixedAcl, newVersion);
    }

    @Override
    public JuteRecord replyBody(ProcessTxnResult result) {
        return new SetACLResponse(result.stat());
    }

    @Override
    public void audit(AuditTrail trail, boolean failed, ProcessTxnResult result) {
        trail.write("setAcl", path, null, AuditRecord.aclText(acl), failed, result);
    }

    @Override
    public void write(JuteWriter out) {
        new SetACLRequest(path, acl, version).write(out);
    }
}
