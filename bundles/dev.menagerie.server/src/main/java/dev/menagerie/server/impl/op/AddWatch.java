package dev.menagerie.server.impl.op;

import dev.menagerie.protocol.AddWatchMode;
import dev.menagerie.protocol.ErrorCode;
import dev.menagerie.protocol.OpCode;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.proto.ErrorResponse;

/** addWatch: a persistent (optionally recursive) watch; the node need not exist. */
public record AddWatch(String path, int mode) implements ReadOperation {

    @Override
    public int opCode() {
        return OpCode.ADD_WATCH;
    }

    @Override
    public JuteRecord read(ReadContext context, Caller caller) throws KeeperFailure {
        AddWatchMode watchMode = AddWatchMode.fromMode(mode);
        if (watchMode == null) {
            // Apache's WatcherMode refuses the number with an exception its FinalRequestProcessor reports as this.
            throw new KeeperFailure(ErrorCode.MARSHALLINGERROR, path);
        }
        context.watches().addWatch(path, caller.watcher(), watchMode);
        return new ErrorResponse(0);
    }
}
