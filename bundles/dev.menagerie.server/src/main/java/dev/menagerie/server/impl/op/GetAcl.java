package dev.menagerie.server.impl.op;

import dev.menagerie.protocol.ErrorCode;
import dev.menagerie.protocol.OpCode;
import dev.menagerie.protocol.data.ACL;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.proto.GetACLResponse;
import dev.menagerie.server.impl.tree.DataNode;
import java.util.List;

/** getACL needs READ or ADMIN; without ADMIN, digest ids come back as {@code user:x}. */
public record GetAcl(String path) implements ReadOperation {

    @Override
    public int opCode() {
        return OpCode.GET_ACL;
    }

    @Override
    public JuteRecord read(ReadContext context, Caller caller) throws KeeperFailure {
        DataNode node = context.existing(path);
        List<ACL> acl = context.tree().aclOf(node);
        if (!context.acls().mayGetAcl(acl, caller.authIds())) {
            throw new KeeperFailure(ErrorCode.NOAUTH, path);
        }
        return new GetACLResponse(context.acls().aclVisibleTo(acl, caller.authIds()), node.stat());
    }
}
