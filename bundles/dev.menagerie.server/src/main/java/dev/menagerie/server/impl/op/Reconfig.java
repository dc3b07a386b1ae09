package dev.menagerie.server.impl.op;

import dev.menagerie.protocol.ErrorCode;
import dev.menagerie.protocol.OpCode;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;
import dev.menagerie.protocol.proto.ReconfigRequest;
import dev.menagerie.server.impl.tree.ProcessTxnResult;

/** reconfig: refused, as disabled or (when enabled) as not implemented; the refusal still takes a zxid. */
public record Reconfig(ReconfigRequest request) implements WriteOperation {

    @Override
    public int opCode() {
        return OpCode.RECONFIG;
    }

    @Override
    public JuteRecord prepare(Preparation prep, TxnStamp stamp) throws KeeperFailure {
        throw new KeeperFailure(prep.settings().reconfigEnabled() ? ErrorCode.UNIMPLEMENTED
                : ErrorCode.RECONFIGDISABLED);
    }

    /** A refused reconfig has no result path, so Apache's line has no znode either. */
    @Override
    public void audit(AuditTrail trail, boolean failed, ProcessTxnResult result) {
        trail.write("reconfig", null, null, null, failed, result);
    }

    @Override
    public void write(JuteWriter out) {
        request.write(out);
    }
}
