package dev.menagerie.server.impl.op;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.menagerie.protocol.OpCode;
import dev.menagerie.protocol.data.Ids;
import dev.menagerie.protocol.jute.JuteReader;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;
import dev.menagerie.protocol.proto.CheckVersionRequest;
import dev.menagerie.protocol.proto.CreateRequest;
import dev.menagerie.protocol.proto.CreateTTLRequest;
import dev.menagerie.protocol.proto.DeleteRequest;
import dev.menagerie.protocol.proto.ExistsRequest;
import dev.menagerie.protocol.proto.GetChildrenRequest;
import dev.menagerie.protocol.proto.GetDataRequest;
import dev.menagerie.protocol.proto.MultiHeader;
import dev.menagerie.protocol.proto.ReconfigRequest;
import dev.menagerie.protocol.proto.SetACLRequest;
import dev.menagerie.protocol.proto.SetDataRequest;
import dev.menagerie.protocol.txn.CreateSessionTxn;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A learner forwards a write as its operation writes it: the leader must read back the very bytes sent. */
class OperationDecoderTest {

    @Test
    void everyWriteIsForwardedAsTheClientSentIt() {
        roundTrip(OpCode.CREATE, new CreateRequest("/a", new byte[] {1}, Ids.OPEN_ACL_UNSAFE, 2), Create.class);
        roundTrip(OpCode.CREATE2, new CreateRequest("/b", new byte[0], Ids.CREATOR_ALL_ACL, 0), Create.class);
        roundTrip(OpCode.CREATE_TTL, new CreateTTLRequest("/t", new byte[0], Ids.OPEN_ACL_UNSAFE, 5, 1000),
                Create.class);
        roundTrip(OpCode.DELETE, new DeleteRequest("/a", 3), Delete.class);
        roundTrip(OpCode.SET_DATA, new SetDataRequest("/a", new byte[] {9}, -1), SetData.class);
        roundTrip(OpCode.SET_ACL, new SetACLRequest("/a", Ids.READ_ACL_UNSAFE, 1), SetAcl.class);
        roundTrip(OpCode.RECONFIG, new ReconfigRequest("server.4=h:1:2", null, null, -1), Reconfig.class);
        roundTrip(OpCode.CREATE_SESSION, new CreateSessionTxn(30_000), CreateSession.class);
        roundTrip(OpCode.DELETE_CONTAINER, writer -> writer.writeString("/c"), DeleteContainer.class);
        roundTrip(OpCode.MULTI, multi(OpCode.CHECK, new CheckVersionRequest("/a", 1), OpCode.CREATE_TTL,
                new CreateTTLRequest("/t", new byte[0], Ids.OPEN_ACL_UNSAFE, 5, 10)), Multi.class);
    }

    @Test
    void aCheckOutsideAMultiIsNotARequestAClientMaySend() {
        byte[] body = bytes(new CheckVersionRequest("/a", 1));
        Operation refused = OperationDecoder.fromClient(OpCode.CHECK, reader(body));
        assertEquals(new Unimplemented(OpCode.CHECK), refused);
        assertInstanceOf(Check.class, ((Multi) OperationDecoder.decode(OpCode.MULTI,
                bytes(multi(OpCode.CHECK, new CheckVersionRequest("/a", 1))))).parts().get(0));
        assertEquals(new Unimplemented(99), OperationDecoder.fromClient(99, reader(new byte[0])));
    }

    @Test
    void aBodyThatDoesNotDecodeIsAnsweredAsSuch() {
        assertEquals(new Undecodable(OpCode.SET_DATA), OperationDecoder.decode(OpCode.SET_DATA, new byte[] {0, 0}));
        byte[] existsInMulti = bytes(multi(OpCode.EXISTS, new ExistsRequest("/a", false)));
        assertEquals(new Undecodable(OpCode.MULTI), OperationDecoder.decode(OpCode.MULTI, existsInMulti));
    }

    @Test
    void aMultiInsideAMultiIsRefusedWithoutReadingIt() {
        // Found by ClientRequestFuzzTest: 20,000 nested multi headers in one frame overflowed the stack.
        JuteRecord nested = out -> {
            for (int i = 0; i < 20_000; i++) {
                new MultiHeader(OpCode.MULTI, false, -1).write(out);
            }
            MultiHeader.END.write(out);
        };
        assertEquals(new Undecodable(OpCode.MULTI), OperationDecoder.decode(OpCode.MULTI, bytes(nested)));
    }

    @Test
    void aMultiReadKeepsItsReadsInOrder() {
        MultiRead read = (MultiRead) OperationDecoder.decode(OpCode.MULTI_READ,
                bytes(multi(OpCode.GET_DATA, new GetDataRequest("/x", true), OpCode.GET_CHILDREN,
                        new GetChildrenRequest("/y", false))));
        assertEquals(List.of(new GetData("/x", true), new GetChildren("/y", false)), read.parts());
    }

    private static void roundTrip(int opCode, JuteRecord request, Class<? extends WriteOperation> expected) {
        byte[] sent = bytes(request);
        Operation decoded = OperationDecoder.decode(opCode, sent);
        assertInstanceOf(expected, decoded);
        assertEquals(opCode, decoded.opCode());
        assertArrayEquals(sent, ((WriteOperation) decoded).toBytes(), OpCode.name(opCode));
    }

    /** Pairs of op code and record, as a client writes a multi. */
    private static JuteRecord multi(Object... parts) {
        return out -> {
            for (int i = 0; i < parts.length; i += 2) {
                new MultiHeader((Integer) parts[i], false, -1).write(out);
                ((JuteRecord) parts[i + 1]).write(out);
            }
            MultiHeader.END.write(out);
        };
    }

    private static byte[] bytes(JuteRecord record) {
        JuteWriter out = new JuteWriter(256);
        record.write(out);
        return out.toByteArray();
    }

    private static JuteReader reader(byte[] body) {
        return new JuteReader(ByteBuffer.wrap(body), body.length);
    }
}
