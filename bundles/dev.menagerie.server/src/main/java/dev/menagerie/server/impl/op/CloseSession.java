package dev.menagerie.server.impl.op;

import dev.menagerie.protocol.OpCode;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;
import dev.menagerie.protocol.txn.CloseSessionTxn;
import dev.menagerie.protocol.txn.TxnHeader;
import dev.menagerie.server.impl.tree.ProcessTxnResult;
import java.util.List;

/** closeSession, from the client or for an expired session: its ephemerals go with it. Its body is empty. */
public record CloseSession() implements WriteOperation {

    @Override
    public int opCode() {
        return OpCode.CLOSE_SESSION;
    }

    @Override
    public boolean needsActiveSession() {
        return false;
    }

    @Override
    public JuteRecord prepare(Preparation prep, TxnStamp stamp) {
        PendingChanges pending = prep.pending();
        List<String> ephemerals = pending.ephemeralsOf(stamp.sessionId());
        for (String path : ephemerals) {
            ChangeRecord node = pending.lookup(path);
            ChangeRecord parent = pending.lookup(path.substring(0, path.lastIndexOf('/')));
            if (node != null && parent != null) {
                prep.recordDeletion(parent, node, stamp.zxid());
            }
        }
        prep.sessions().setClosing(stamp.sessionId());
        return prep.settings().closeSessionTxnEnabled() ? new CloseSessionTxn(ephemerals) : null;
    }

    @Override
    public void answer(Responder client, TxnHeader header, JuteRecord txn, ProcessTxnResult result) {
        client.reply(0, null);
        client.closeAfterReplies();
    }

    @Override
    public void write(JuteWriter out) {
        // no body
    }
}
