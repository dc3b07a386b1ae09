package dev.menagerie.server.impl.op;

import dev.menagerie.protocol.OpCode;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.proto.GetAllChildrenNumberResponse;

/** getAllChildrenNumber: how many nodes lie below a readable node. */
public record GetAllChildrenNumber(String path) implements ReadOperation {

    @Override
    public int opCode() {
        return OpCode.GET_ALL_CHILDREN_NUMBER;
    }

    @Override
    public JuteRecord read(ReadContext context, Caller caller) throws KeeperFailure {
        context.readable(path, caller.authIds());
        return new GetAllChildrenNumberResponse(context.tree().allChildrenNumber(path));
    }
}
