package dev.menagerie.server.impl.op;

import dev.menagerie.protocol.OpCode;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;
import dev.menagerie.protocol.txn.ErrorTxn;
import dev.menagerie.protocol.txn.TxnHeader;
import dev.menagerie.server.impl.tree.ProcessTxnResult;

/**
 * A request that becomes a transaction. Prep calls {@link #prepare} with the request's zxid; once the transaction
 * (or the error transaction a {@link KeeperFailure} turned it into) is applied, {@link #answer} replies.
 */
public sealed interface WriteOperation extends Operation
        permits Create, Delete, DeleteContainer, SetData, SetAcl, Check, Multi, Reconfig, CreateSession,
        CloseSession {

    /**
     * Checks the request as Apache's PrepRequestProcessor does, in its order, records the changes it will make
     * and returns its transaction (null for a closeSession that logs no ephemerals).
     */
    JuteRecord prepare(Preparation prep, TxnStamp stamp) throws KeeperFailure;

    /** Whether prep first requires the session to be active (everything but session and container requests). */
    default boolean needsActiveSession() {
        return true;
    }

    /** The reply body once applied without error; null when the reply has none. */
    default JuteRecord replyBody(ProcessTxnResult result) {
        return null;
    }

    /** Answers the client once {@code txn} (with {@code header}) is applied with {@code result}. */
    default void answer(Responder client, TxnHeader header, JuteRecord txn, ProcessTxnResult result) {
        int err = header.type() == OpCode.ERROR ? ((ErrorTxn) txn).err() : result.err();
        client.reply(err, err == 0 ? replyBody(result) : null);
    }

    /** Writes the audit lines of the answered write; most writes have one, checks and session requests none. */
    default void audit(AuditTrail trail, boolean failed, ProcessTxnResult result) {
    }

    /** The request body as the client sent it: a learner forwards it to the leader. */
    void write(JuteWriter out);

    default byte[] toBytes() {
        JuteWriter out = new JuteWriter(256);
        write(out);
        return out.toByteArray();
    }
}
