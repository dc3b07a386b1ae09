package dev.menagerie.server.impl.op;

import dev.menagerie.protocol.OpCode;
import dev.menagerie.protocol.Perms;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;
import dev.menagerie.protocol.proto.CheckVersionRequest;
import dev.menagerie.protocol.txn.CheckVersionTxn;

/** check, inside a multi only: the node exists, the client may read it and its version matches. */
public record Check(String path, int version) implements WriteOperation, MultiPart {

    @Override
    public int opCode() {
        return OpCode.CHECK;
    }

    @Override
    public JuteRecord prepare(Preparation prep, TxnStamp stamp) throws KeeperFailure {
        Preparation.requireValidPath(path);
        ChangeRecord node = prep.existing(path);
        prep.requirePermission(node.acl, Perms.READ, stamp.authIds(), path);
        return new CheckVersionTxn(path, Preparation.checkVersion(node.version, version, path));
    }

    @Override
    public void write(JuteWriter out) {
        new CheckVersionRequest(path, version).write(out);
    }
}
