package dev.menagerie.server.impl.op;

import dev.menagerie.protocol.OpCode;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.proto.GetEphemeralsResponse;
import java.util.ArrayList;
import java.util.List;

/** getEphemerals: the caller's own ephemerals, all of them or those under a prefix. */
public record GetEphemerals(String prefixPath) implements ReadOperation {

    @Override
    public int opCode() {
        return OpCode.GET_EPHEMERALS;
    }

    @Override
    public JuteRecord read(ReadContext context, Caller caller) {
        List<String> matching = new ArrayList<>();
        boolean all = prefixPath == null || prefixPath.isBlank() || "/".equals(prefixPath.trim());
        for (String path : context.tree().ephemerals(caller.sessionId())) {
            if (all || path.startsWith(prefixPath)) {
                matching.add(path);
            }
        }
        return new GetEphemeralsResponse(matching);
    }
}
