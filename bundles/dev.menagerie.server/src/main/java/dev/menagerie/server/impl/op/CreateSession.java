package dev.menagerie.server.impl.op;

import dev.menagerie.protocol.OpCode;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;
import dev.menagerie.protocol.txn.CreateSessionTxn;
import dev.menagerie.protocol.txn.TxnHeader;
import dev.menagerie.server.impl.tree.ProcessTxnResult;

/** createSession: the server makes it for a connecting client, or a learner forwards one of its own. */
public record CreateSession(CreateSessionTxn txn) implements WriteOperation {

    @Override
    public int opCode() {
        return OpCode.CREATE_SESSION;
    }

    @Override
    public boolean needsActiveSession() {
        return false;
    }

    @Override
    public JuteRecord prepare(Preparation prep, TxnStamp stamp) {
        // A learner created this id for its client; the leader tracks it from now on (a no-op for our own).
        prep.sessions().addSession(stamp.sessionId(), txn.timeOut(), stamp.timeMs());
        return txn;
    }

    @Override
    public void answer(Responder client, TxnHeader header, JuteRecord applied, ProcessTxnResult result) {
        client.sessionEstablished();
    }

    @Override
    public void write(JuteWriter out) {
        txn.write(out);
    }
}
