package dev.menagerie.server.impl.op;

import dev.menagerie.protocol.OpCode;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.proto.SyncResponse;

/** sync: answered once every write proposed before it is applied here; the pipeline does the waiting. */
public record Sync(String path) implements ReadOperation {

    @Override
    public int opCode() {
        return OpCode.SYNC;
    }

    @Override
    public JuteRecord read(ReadContext context, Caller caller) {
        return new SyncResponse(path);
    }
}
