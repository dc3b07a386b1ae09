package dev.menagerie.server.impl.op;

import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.proto.SetWatches2;

/**
 * setWatches (101) and setWatches2 (105): a reconnecting client registers its watches again. The events that fire
 * at once go out ahead of this empty reply, as Apache sends them; setWatches carries no persistent watches.
 */
public record RestoreWatches(int opCode, SetWatches2 watches) implements ReadOperation {

    @Override
    public JuteRecord read(ReadContext context, Caller caller) {
        context.reconnectWatches().apply(watches, caller.watcher(), context.tree()::stat, context.tree()::acl);
        return null;
    }
}
