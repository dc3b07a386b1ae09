package dev.menagerie.server.impl.op;

import dev.menagerie.protocol.OpCode;
import dev.menagerie.protocol.jute.JuteException;
import dev.menagerie.protocol.jute.JuteReader;
import dev.menagerie.protocol.proto.AddWatchRequest;
import dev.menagerie.protocol.proto.CheckVersionRequest;
import dev.menagerie.protocol.proto.CheckWatchesRequest;
import dev.menagerie.protocol.proto.CreateRequest;
import dev.menagerie.protocol.proto.CreateTTLRequest;
import dev.menagerie.protocol.proto.DeleteRequest;
import dev.menagerie.protocol.proto.ExistsRequest;
import dev.menagerie.protocol.proto.GetACLRequest;
import dev.menagerie.protocol.proto.GetAllChildrenNumberRequest;
import dev.menagerie.protocol.proto.GetChildren2Request;
import dev.menagerie.protocol.proto.GetChildrenRequest;
import dev.menagerie.protocol.proto.GetDataRequest;
import dev.menagerie.protocol.proto.GetEphemeralsRequest;
import dev.menagerie.protocol.proto.MultiHeader;
import dev.menagerie.protocol.proto.ReconfigRequest;
import dev.menagerie.protocol.proto.RemoveWatchesRequest;
import dev.menagerie.protocol.proto.SetACLRequest;
import dev.menagerie.protocol.proto.SetDataRequest;
import dev.menagerie.protocol.proto.SetWatches;
import dev.menagerie.protocol.proto.SetWatches2;
import dev.menagerie.protocol.proto.SyncRequest;
import dev.menagerie.protocol.txn.CreateSessionTxn;
import dev.menagerie.server.impl.watch.ReconnectWatches;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns a request body into its {@link Operation}: the one place that tells op codes apart. */
public final class OperationDecoder {

    private static final Logger LOG = LoggerFactory.getLogger(OperationDecoder.class);

    private OperationDecoder() {
    }

    /**
     * A client's request as its connection read it. Op codes a client may not send (unknown ones, a check outside
     * a multi, the server's own createSession) come back as {@link Unimplemented}, which the connection refuses.
     */
    public static Operation fromClient(int opCode, JuteReader body) {
        if (opCode == OpCode.CHECK || opCode == OpCode.CREATE_SESSION) {
            return new Unimplemented(opCode);
        }
        return decode(opCode, body);
    }

    /** A request the server builds itself or a learner forwarded, as the bytes of its body. */
    public static Operation decode(int opCode, byte[] body) {
        // The body was read in full already, so no field in it can be longer than the body itself.
        return decode(opCode, new JuteReader(ByteBuffer.wrap(body), body.length));
    }

    /** Never fails: a body that does not decode is {@link Undecodable}, an unknown op code {@link Unimplemented}. */
    public static Operation decode(int opCode, JuteReader body) {
        try {
            Operation operation = read(opCode, body);
            return operation == null ? new Unimplemented(opCode) : operation;
        } catch (JuteException e) {
            LOG.info("A {} request does not decode: {}", OpCode.name(opCode), e.getMessage());
            return new Undecodable(opCode);
        }
    }

    private static Operation read(int opCode, JuteReader in) throws JuteException {
        return switch (opCode) {
            case OpCode.CREATE, OpCode.CREATE2, OpCode.CREATE_CONTAINER -> Create.of(opCode, CreateRequest.read(in));
            case OpCode.CREATE_TTL -> Create.of(CreateTTLRequest.read(in));
            case OpCode.DELETE -> {
                DeleteRequest request = DeleteRequest.read(in);
                yield new Delete(request.path(), request.version());
            }
            case OpCode.DELETE_CONTAINER -> new DeleteContainer(in.readString());
            case OpCode.SET_DATA -> {
                SetDataRequest request = SetDataRequest.read(in);
                yield new SetData(request.path(), request.data(), request.version());
            }
            case OpCode.SET_ACL -> {
                SetACLRequest request = SetACLRequest.read(in);
                yield new SetAcl(request.path(), request.acl(), request.version());
            }
            case OpCode.CHECK -> {
                CheckVersionRequest request = CheckVersionRequest.read(in);
                yield new Check(request.path(), request.version());
            }
            case OpCode.MULTI -> new Multi(parts(in));
            case OpCode.RECONFIG -> new Reconfig(ReconfigRequest.read(in));
            case OpCode.CREATE_SESSION -> new CreateSession(CreateSessionTxn.read(in));
            case OpCode.CLOSE_SESSION -> new CloseSession();
            case OpCode.PING -> new Ping();
            case OpCode.EXISTS -> {
                ExistsRequest request = ExistsRequest.read(in);
                yield new Exists(request.path(), request.watch());
            }
            case OpCode.GET_DATA -> {
                GetDataRequest request = GetDataRequest.read(in);
                yield new GetData(request.path(), request.watch());
            }
            case OpCode.GET_CHILDREN -> {
                GetChildrenRequest request = GetChildrenRequest.read(in);
                yield new GetChildren(request.path(), request.watch());
            }
            case OpCode.GET_CHILDREN2 -> {
                GetChildren2Request request = GetChildren2Request.read(in);
                yield new GetChildren2(request.path(), request.watch());
            }
            case OpCode.GET_ACL -> new GetAcl(GetACLRequest.read(in).path());
            case OpCode.GET_ALL_CHILDREN_NUMBER ->
                    new GetAllChildrenNumber(GetAllChildrenNumberRequest.read(in).path());
            case OpCode.GET_EPHEMERALS -> new GetEphemerals(GetEphemeralsRequest.read(in).prefixPath());
            case OpCode.SYNC -> new Sync(SyncRequest.read(in).path());
            case OpCode.SET_WATCHES ->
                    new RestoreWatches(opCode, ReconnectWatches.withoutPersistentWatches(SetWatches.read(in)));
            case OpCode.SET_WATCHES2 -> new RestoreWatches(opCode, SetWatches2.read(in));
            case OpCode.ADD_WATCH -> {
                AddWatchRequest request = AddWatchRequest.read(in);
                yield new AddWatch(request.path(), request.mode());
            }
            case OpCode.CHECK_WATCHES -> {
                CheckWatchesRequest request = CheckWatchesRequest.read(in);
                yield new CheckWatches(request.path(), request.type());
            }
            case OpCode.REMOVE_WATCHES -> {
                RemoveWatchesRequest request = RemoveWatchesRequest.read(in);
                yield new RemoveWatches(request.path(), request.type());
            }
            case OpCode.WHO_AM_I -> new WhoAmI();
            case OpCode.MULTI_READ -> new MultiRead(parts(in));
            default -> null;
        };
    }

    /** A multi's or multiRead's parts: {@code MultiHeader} + record pairs, ended by a header with done set. */
    private static List<MultiPart> parts(JuteReader in) throws JuteException {
        List<MultiPart> parts = new ArrayList<>();
        for (MultiHeader header = MultiHeader.read(in); !header.done(); header = MultiHeader.read(in)) {
            // Refused before its record is read, as Apache does: reading a nested multi first would recurse once
            // per 9-byte header, and a frame of them overflows the stack.
            if (!isMultiPart(header.type()) || !(read(header.type(), in) instanceof MultiPart part)) {
                throw new JuteException("invalid op type " + header.type() + " in a multi");
            }
            parts.add(part);
        }
        return parts;
    }

    /** The op codes of {@link MultiPart}'s cases, the only ones a multi may hold (Apache's MultiOperationRecord). */
    private static boolean isMultiPart(int opCode) {
        return switch (opCode) {
            case OpCode.CREATE, OpCode.CREATE2, OpCode.CREATE_CONTAINER, OpCode.CREATE_TTL, OpCode.DELETE,
                    OpCode.SET_DATA, OpCode.CHECK, OpCode.GET_CHILDREN, OpCode.GET_DATA -> true;
            default -> false;
        };
    }
}
