package dev.menagerie.server.impl.op;

import dev.menagerie.protocol.ErrorCode;
import dev.menagerie.protocol.OpCode;
import dev.menagerie.protocol.jute.JuteRecord;

/** checkWatches: whether the caller holds a watch of the type on the path (NOWATCHER if not). */
public record CheckWatches(String path, int type) implements ReadOperation {

    @Override
    public int opCode() {
        return OpCode.CHECK_WATCHES;
    }

    @Override
    public JuteRecord read(ReadContext context, Caller caller) throws KeeperFailure {
        if (!context.watches().containsWatch(path, ReadContext.watcherType(type, path), caller.watcher())) {
            throw new KeeperFailure(ErrorCode.NOWATCHER, path);
        }
        return null;
    }
}
