package dev.menagerie.server.impl.pipeline;

import dev.menagerie.protocol.OpCode;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.proto.Create2Response;
import dev.menagerie.protocol.proto.CreateResponse;
import dev.menagerie.protocol.proto.SetACLResponse;
import dev.menagerie.protocol.proto.SetDataResponse;
import dev.menagerie.server.impl.tree.ProcessTxnResult;

/** The reply body for an applied write, as Apache's FinalRequestProcessor builds it. */
final class WriteReplies {

    private WriteReplies() {
    }

    /** The body for {@code requestType} given what applying it did; null when the reply has none. */
    static JuteRecord body(int requestType, ProcessTxnResult result) {
        return switch (requestType) {
            case OpCode.CREATE -> new CreateResponse(result.path());
            case OpCode.CREATE2, OpCode.CREATE_TTL, OpCode.CREATE_CONTAINER ->
                    new Create2Response(result.path(), result.stat());
            case OpCode.SET_DATA -> new SetDataResponse(result.stat());
            case OpCode.SET_ACL -> new SetACLResponse(result.stat());
            case OpCode.MULTI -> multi(result);
            default -> null;
        };
    }

    private static MultiResponse multi(ProcessTxnResult result) {
        MultiResponse response = new MultiResponse();
        for (ProcessTxnResult op : result.multiResult()) {
            switch (op.type()) {
                case OpCode.CHECK -> response.add(OpCode.CHECK, null);
                case OpCode.CREATE -> response.add(OpCode.CREATE, new CreateResponse(op.path()));
                case OpCode.CREATE2, OpCode.CREATE_TTL, OpCode.CREATE_CONTAINER ->
                        response.add(OpCode.CREATE2, new Create2Response(op.path(), op.stat()));
                case OpCode.DELETE, OpCode.DELETE_CONTAINER -> response.add(OpCode.DELETE, null);
                case OpCode.SET_DATA -> response.add(OpCode.SET_DATA, new SetDataResponse(op.stat()));
                default -> response.addError(op.err());
            }
        }
        return response;
    }
}
