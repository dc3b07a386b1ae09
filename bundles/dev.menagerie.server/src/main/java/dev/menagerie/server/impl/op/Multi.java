package dev.menagerie.server.impl.op;

import dev.menagerie.protocol.ErrorCode;
import dev.menagerie.protocol.OpCode;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;
import dev.menagerie.protocol.proto.Create2Response;
import dev.menagerie.protocol.proto.CreateResponse;
import dev.menagerie.protocol.proto.MultiHeader;
import dev.menagerie.protocol.proto.SetDataResponse;
import dev.menagerie.protocol.txn.ErrorTxn;
import dev.menagerie.protocol.txn.MultiTxn;
import dev.menagerie.protocol.txn.Txn;
import dev.menagerie.protocol.txn.TxnHeader;
import dev.menagerie.server.impl.tree.ProcessTxnResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** multi: its writes all go through under one zxid, or none does. */
public record Multi(List<MultiPart> parts) implements WriteOperation {

    @Override
    public int opCode() {
        return OpCode.MULTI;
    }

    /** After the first failure the remaining parts become RUNTIMEINCONSISTENCY errors and the changes roll back. */
    @Override
    public JuteRecord prepare(Preparation prep, TxnStamp stamp) {
        List<String> paths = new ArrayList<>();
        for (MultiPart part : parts) {
            paths.add(part.path());
        }
        Map<String, ChangeRecord> saved = prep.pending().checkpoint(paths);
        List<Txn> txns = new ArrayList<>(parts.size());
        boolean failed = false;
        for (MultiPart part : parts) {
            int type = OpCode.ERROR;
            JuteRecord txn;
            if (failed) {
                txn = new ErrorTxn(ErrorCode.RUNTIMEINCONSISTENCY.code());
            } else {
                try {
                    txn = prepare(part, prep, stamp);
                    type = part.opCode();
                } catch (KeeperFailure e) {
                    failed = true;
                    txn = new ErrorTxn(e.code().code());
                    prep.pending().rollback(stamp.zxid(), saved);
                }
            }
            txns.add(new Txn(type, bytes(txn)));
        }
        return new MultiTxn(txns);
    }

    private static JuteRecord prepare(MultiPart part, Preparation prep, TxnStamp stamp) throws KeeperFailure {
        if (part instanceof WriteOperation write) {
            return write.prepare(prep, stamp);
        }
        throw new KeeperFailure(ErrorCode.UNIMPLEMENTED, part.path());
    }

    private static byte[] bytes(JuteRecord record) {
        JuteWriter out = new JuteWriter(256);
        record.write(out);
        return out.toByteArray();
    }

    /**
     * As Apache's FinalRequestProcessor: a multi that failed part-way still answers OK with every op's result; the
     * client takes the first error result as the outcome. One refused as a whole (an error txn) answers its error.
     */
    @Override
    public void answer(Responder client, TxnHeader header, JuteRecord txn, ProcessTxnResult result) {
        if (header.type() == OpCode.ERROR) {
            client.reply(((ErrorTxn) txn).err(), null);
        } else {
            client.reply(0, replyBody(result));
        }
    }

    /** One result per applied op, by the type of its transaction. */
    @Override
    public JuteRecord replyBody(ProcessTxnResult result) {
        MultiResponse response = new MultiResponse();
        for (ProcessTxnResult op : result.multiResult()) {
            switch (op.type()) {
                case OpCode.CHECK -> response.add(OpCode.CHECK, null);
                case OpCode.CREATE -> response.add(OpCode.CREATE, new CreateResponse(op.path()));
                case OpCode.CREATE2, OpCode.CREATE_TTL, OpCode.CREATE_CONTAINER ->
                        response.add(OpCode.CREATE2, new Create2Response(op.path(), op.stat()));
                case OpCode.DELETE, OpCode.DELETE_CONTAINER -> response.add(OpCode.DELETE, null);
                case OpCode.SET_DATA -> response.add(OpCode.SET_DATA, new SetDataResponse(op.stat()));
                default -> response.addError(op.err());
            }
        }
        return response;
    }

    /**
     * A multi that went through is audited op by op; one that failed (every op then carries an error) as a single
     * multiOperation failure. As in Apache, a create's node type is looked up by the path the client gave, so a
     * sequential or TTL create inside a multi is written without one.
     */
    @Override
    public void audit(AuditTrail trail, boolean failed, ProcessTxnResult result) {
        if (failed) {
            trail.write("multiOperation", null, null, null, false);
            return;
        }
        Map<String, String> modes = new HashMap<>();
        for (MultiPart part : parts) {
            if (part instanceof Create create && create.opCode() != OpCode.CREATE_TTL) {
                modes.put(create.path(), create.modeText());
            }
        }
        boolean anyFailed = false;
        for (ProcessTxnResult op : result.multiResult()) {
            switch (op.type()) {
                case OpCode.CREATE, OpCode.CREATE2, OpCode.CREATE_TTL, OpCode.CREATE_CONTAINER ->
                        trail.write("create", op.path(), modes.get(op.path()), null, true);
                case OpCode.DELETE, OpCode.DELETE_CONTAINER -> trail.write("delete", op.path(), null, null, true);
                case OpCode.SET_DATA -> trail.write("setData", op.path(), null, null, true);
                case OpCode.ERROR -> anyFailed = true;
                default -> {
                    // checks are not audited
                }
            }
        }
        if (anyFailed) {
            trail.write("multiOperation", null, null, null, false);
        }
    }

    @Override
    public void write(JuteWriter out) {
        for (MultiPart part : parts) {
            new MultiHeader(part.opCode(), false, -1).write(out);
            part.write(out);
        }
        MultiHeader.END.write(out);
    }
}
