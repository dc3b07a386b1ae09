package dev.menagerie.server.impl.op;

import dev.menagerie.protocol.OpCode;
import dev.menagerie.protocol.Xids;
import dev.menagerie.protocol.jute.JuteRecord;

/** ping: keeps the session alive; answered in order with the last applied zxid and Apache's ping xid. */
public record Ping() implements ReadOperation {

    @Override
    public int opCode() {
        return OpCode.PING;
    }

    @Override
    public JuteRecord read(ReadContext context, Caller caller) {
        return null;
    }

    @Override
    public int replyXid(int requestXid) {
        return Xids.PING;
    }
}
