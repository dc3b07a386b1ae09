package dev.menagerie.server.impl.op;

import dev.menagerie.protocol.ErrorCode;
import dev.menagerie.protocol.OpCode;
import dev.menagerie.protocol.jute.JuteRecord;
import java.util.List;

/** multiRead: getData and getChildren parts, each answered on its own (a failed part is an error result). */
public record MultiRead(List<MultiPart> parts) implements ReadOperation {

    @Override
    public int opCode() {
        return OpCode.MULTI_READ;
    }

    @Override
    public JuteRecord read(ReadContext context, Caller caller) {
        MultiResponse response = new MultiResponse();
        for (MultiPart part : parts) {
            try {
                if (part instanceof ReadOperation read) {
                    response.add(part.opCode(), read.read(context, caller));
                } else {
                    response.addError(ErrorCode.MARSHALLINGERROR.code());
                }
            } catch (KeeperFailure e) {
                response.addError(e.code().code());
            }
        }
        return response;
    }
}
