package dev.menagerie.server.impl.op;

import dev.menagerie.protocol.OpCode;
import dev.menagerie.protocol.data.Stat;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;
import dev.menagerie.protocol.proto.GetDataRequest;
import dev.menagerie.protocol.proto.GetDataResponse;
import dev.menagerie.server.impl.tree.DataNode;

/** getData: a readable node's data and stat, and optionally a data watch. */
public record GetData(String path, boolean watch) implements ReadOperation, MultiPart {

    @Override
    public int opCode() {
        return OpCode.GET_DATA;
    }

    @Override
    public JuteRecord read(ReadContext context, Caller caller) throws KeeperFailure {
        DataNode node = context.readable(path, caller.authIds());
        if (watch && caller.watcher() != null) {
            context.watches().watchData(path, caller.watcher());
        }
        byte[] data;
        Stat stat;
        // One moment's data and stat (the node's lock, which the applier holds for a change): a reply cached
        // under this stat must hold this data.
        synchronized (node) {
            data = node.data();
            stat = node.stat();
        }
        context.countRead(path, data == null ? 0 : data.length);
        return new GetDataResponse(data, stat);
    }

    @Override
    public void write(JuteWriter out) {
        new GetDataRequest(path, watch).write(out);
    }
}
