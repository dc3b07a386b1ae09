package dev.menagerie.server.impl.pipeline;

import dev.menagerie.protocol.OpCode;
import dev.menagerie.protocol.jute.JuteException;
import dev.menagerie.protocol.jute.JuteReader;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.proto.CheckVersionRequest;
import dev.menagerie.protocol.proto.CreateRequest;
import dev.menagerie.protocol.proto.CreateTTLRequest;
import dev.menagerie.protocol.proto.DeleteRequest;
import dev.menagerie.protocol.proto.GetChildrenRequest;
import dev.menagerie.protocol.proto.GetDataRequest;
import dev.menagerie.protocol.proto.MultiHeader;
import dev.menagerie.protocol.proto.SetDataRequest;
import java.util.ArrayList;
import java.util.List;

/** Reads a multi or multiRead request: {@code MultiHeader} + op record pairs, ended by a header with done set. */
final class MultiOps {

    /** One operation of a multi. */
    record Op(int type, JuteRecord request, String path) {
    }

    private MultiOps() {
    }

    static List<Op> read(JuteReader reader) throws JuteException {
        List<Op> ops = new ArrayList<>();
        while (true) {
            MultiHeader header = MultiHeader.read(reader);
            if (header.done()) {
                return ops;
            }
            ops.add(readOp(header.type(), reader));
        }
    }

    private static Op readOp(int type, JuteReader reader) throws JuteException {
        switch (type) {
            case OpCode.CREATE, OpCode.CREATE2, OpCode.CREATE_CONTAINER -> {
                CreateRequest r = CreateRequest.read(reader);
                return new Op(type, r, r.path());
            }
            case OpCode.CREATE_TTL -> {
                CreateTTLRequest r = CreateTTLRequest.read(reader);
                return new Op(type, r, r.path());
            }
            case OpCode.DELETE -> {
                DeleteRequest r = DeleteRequest.read(reader);
                return new Op(type, r, r.path());
            }
            case OpCode.SET_DATA -> {
                SetDataRequest r = SetDataRequest.read(reader);
                return new Op(type, r, r.path());
            }
            case OpCode.CHECK -> {
                CheckVersionRequest r = CheckVersionRequest.read(reader);
                return new Op(type, r, r.path());
            }
            case OpCode.GET_CHILDREN -> {
                GetChildrenRequest r = GetChildrenRequest.read(reader);
                return new Op(type, r, r.path());
            }
            case OpCode.GET_DATA -> {
                GetDataRequest r = GetDataRequest.read(reader);
                return new Op(type, r, r.path());
            }
            default -> throw new JuteException("invalid op type " + type + " in a multi");
        }
    }
}
