package dev.menagerie.server.impl.op;

import dev.menagerie.protocol.ErrorCode;
import dev.menagerie.protocol.OpCode;
import dev.menagerie.protocol.Perms;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;
import dev.menagerie.protocol.proto.SetDataRequest;
import dev.menagerie.protocol.proto.SetDataResponse;
import dev.menagerie.protocol.txn.SetDataTxn;
import dev.menagerie.server.impl.tree.ProcessTxnResult;

/** setData: new data for a node the client may write, within its quota, if the version matches. */
public record SetData(String path, byte[] data, int version) implements WriteOperation, MultiPart {

    @Override
    public int opCode() {
        return OpCode.SET_DATA;
    }

    @Override
    public JuteRecord prepare(Preparation prep, TxnStamp stamp) throws KeeperFailure {
        Preparation.requireValidPath(path);
        ChangeRecord node = prep.existing(path);
        prep.requirePermission(node.acl, Perms.WRITE, stamp.authIds(), path);
        if (prep.settings().enforceQuota() && prep.quotas().checkSetData(path, node.data, data) != ErrorCode.OK) {
            throw new KeeperFailure(ErrorCode.QUOTAEXCEEDED, path);
        }
        int newVersion = Preparation.checkVersion(node.version, version, path);
        ChangeRecord changed = node.duplicate(stamp.zxid());
        changed.version = newVersion;
        changed.data = data;
        changed.mzxid = stamp.zxid();
        changed.mtime = stamp.timeMs();
        prep.pending().add(changed, node);
        return new SetDataTxn(path, data, newVersion);
    }

    @Override
    public JuteRecord replyBody(ProcessTxnResult result) {
        return new SetDataResponse(result.stat());
    }

    @Override
    public void audit(AuditTrail trail, boolean failed, ProcessTxnResult result) {
        trail.write("setData", path, null, null, failed, result);
    }

    @Override
    public void write(JuteWriter out) {
        new SetDataRequest(path, data, version).write(out);
    }
}
