package dev.menagerie.server.impl.op;

import dev.menagerie.protocol.OpCode;
import dev.menagerie.protocol.data.Stat;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.proto.GetChildren2Response;
import dev.menagerie.server.impl.tree.DataNode;
import java.util.List;

/** getChildren2: getChildren with the node's stat. */
public record GetChildren2(String path, boolean watch) implements ReadOperation {

    @Override
    public int opCode() {
        return OpCode.GET_CHILDREN2;
    }

    @Override
    public JuteRecord read(ReadContext context, Caller caller) throws KeeperFailure {
        DataNode node = GetChildren.children(context, caller, path, watch);
        List<String> children;
        Stat stat;
        // One moment's children and stat, as in getData: a reply cached under this stat must list these children.
        synchronized (node) {
            children = node.children();
            stat = node.stat();
        }
        context.countChildrenRead(path, children);
        return new GetChildren2Response(children, stat);
    }
}
