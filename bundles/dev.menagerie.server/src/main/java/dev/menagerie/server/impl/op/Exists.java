package dev.menagerie.server.impl.op;

import dev.menagerie.protocol.ErrorCode;
import dev.menagerie.protocol.OpCode;
import dev.menagerie.protocol.Perms;
import dev.menagerie.protocol.data.Stat;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.proto.ExistsResponse;
import dev.menagerie.server.impl.tree.DataNode;

/** exists: the node's stat; the watch is set whether or not the node exists (then it waits for its creation). */
public record Exists(String path, boolean watch) implements ReadOperation {

    @Override
    public int opCode() {
        return OpCode.EXISTS;
    }

    @Override
    public JuteRecord read(ReadContext context, Caller caller) throws KeeperFailure {
        if (path.indexOf('\0') != -1) {
            throw new KeeperFailure(ErrorCode.BADARGUMENTS, path);
        }
        DataNode node = context.tree().node(path);
        if (node != null) {
            context.require(context.tree().aclOf(node), Perms.READ, caller.authIds(), path);
        }
        if (watch && caller.watcher() != null) {
            context.watches().watchData(path, caller.watcher());
        }
        Stat stat = context.tree().stat(path);
        if (stat == null) {
            throw new KeeperFailure(ErrorCode.NONODE, path);
        }
        context.countRead(path, 0);
        return new ExistsResponse(stat);
    }
}
