package dev.menagerie.server.impl.op;

import dev.menagerie.protocol.OpCode;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;
import dev.menagerie.protocol.proto.GetChildrenRequest;
import dev.menagerie.protocol.proto.GetChildrenResponse;
import dev.menagerie.server.impl.tree.DataNode;
import java.util.List;

/** getChildren: a readable node's child names, and optionally a child watch. */
public record GetChildren(String path, boolean watch) implements ReadOperation, MultiPart {

    @Override
    public int opCode() {
        return OpCode.GET_CHILDREN;
    }

    @Override
    public JuteRecord read(ReadContext context, Caller caller) throws KeeperFailure {
        List<String> children = children(context, caller, path, watch).children();
        context.countChildrenRead(path, children);
        return new GetChildrenResponse(children);
    }

    /** The readable node, with the child watch set when asked for (getChildren2 shares this). */
    static DataNode children(ReadContext context, Caller caller, String path, boolean watch) throws KeeperFailure {
        DataNode node = context.readable(path, caller.authIds());
        if (watch && caller.watcher() != null) {
            context.watches().watchChildren(path, caller.watcher());
        }
        return node;
    }

    @Override
    public void write(JuteWriter out) {
        new GetChildrenRequest(path, watch).write(out);
    }
}
