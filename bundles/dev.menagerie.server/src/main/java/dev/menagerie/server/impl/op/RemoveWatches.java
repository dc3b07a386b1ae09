package dev.menagerie.server.impl.op;

import dev.menagerie.protocol.ErrorCode;
import dev.menagerie.protocol.OpCode;
import dev.menagerie.protocol.jute.JuteRecord;

/** removeWatches: drops the caller's watches of the type on the path (NOWATCHER if it held none). */
public record RemoveWatches(String path, int type) implements ReadOperation {

    @Override
    public int opCode() {
        return OpCode.REMOVE_WATCHES;
    }

    @Override
    public JuteRecord read(ReadContext context, Caller caller) throws KeeperFailure {
        if (!context.watches().removeWatch(path, ReadContext.watcherType(type, path), caller.watcher())) {
            throw new KeeperFailure(ErrorCode.NOWATCHER, path);
        }
        return null;
    }
}
