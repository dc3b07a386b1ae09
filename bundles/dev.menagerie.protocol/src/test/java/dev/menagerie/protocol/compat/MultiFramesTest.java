package dev.menagerie.protocol.compat;

import static dev.menagerie.protocol.compat.Values.ACLS;
import static dev.menagerie.protocol.compat.Values.DATA;
import static dev.menagerie.protocol.compat.Values.OTHER_PATH;
import static dev.menagerie.protocol.compat.Values.PATH;
import static dev.menagerie.protocol.compat.Values.STAT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.menagerie.protocol.ErrorCode;
import dev.menagerie.protocol.OpCode;
import dev.menagerie.protocol.jute.JuteException;
import dev.menagerie.protocol.jute.JuteReader;
import dev.menagerie.protocol.proto.CheckVersionRequest;
import dev.menagerie.protocol.proto.CreateRequest;
import dev.menagerie.protocol.proto.CreateResponse;
import dev.menagerie.protocol.proto.DeleteRequest;
import dev.menagerie.protocol.proto.ErrorResponse;
import dev.menagerie.protocol.proto.MultiHeader;
import dev.menagerie.protocol.proto.SetDataRequest;
import dev.menagerie.protocol.proto.SetDataResponse;

import java.util.Arrays;
import java.util.List;

import org.apache.zookeeper.MultiOperationRecord;
import org.apache.zookeeper.MultiResponse;
import org.apache.zookeeper.Op;
import org.apache.zookeeper.OpResult;
import org.junit.jupiter.api.Test;

/** multi requests and results: a series of MultiHeader plus body, closed by the {-1, true, -1} header. */
class MultiFramesTest {

    @Test
    void multiRequestMatchesApacheMultiOperationRecord() throws Exception {
        MultiOperationRecord apache = new MultiOperationRecord(List.of(
                Op.create(PATH, DATA, Apache.acls(ACLS), 0),
                Op.delete(OTHER_PATH, 5),
                Op.setData(PATH, DATA, -1),
                Op.check(OTHER_PATH, 2)));
        byte[] ours = Apache.ours(
                new MultiHeader(OpCode.CREATE, false, -1), new CreateRequest(PATH, DATA, ACLS, 0),
                new MultiHeader(OpCode.DELETE, false, -1), new DeleteRequest(OTHER_PATH, 5),
                new MultiHeader(OpCode.SET_DATA, false, -1), new SetDataRequest(PATH, DATA, -1),
                new MultiHeader(OpCode.CHECK, false, -1), new CheckVersionRequest(OTHER_PATH, 2),
                MultiHeader.END);

        assertArrayEquals(Apache.bytes(apache), ours);
    }

    @Test
    void multiResultMatchesApacheMultiResponse() throws Exception {
        MultiResponse apache = new MultiResponse();
        apache.add(new OpResult.CreateResult(PATH));
        apache.add(new OpResult.SetDataResult(Apache.stat(STAT)));
        apache.add(new OpResult.DeleteResult());
        apache.add(new OpResult.ErrorResult(ErrorCode.BADVERSION.code()));
        byte[] ours = Apache.ours(
                new MultiHeader(OpCode.CREATE, false, 0), new CreateResponse(PATH),
                new MultiHeader(OpCode.SET_DATA, false, 0), new SetDataResponse(STAT),
                new MultiHeader(OpCode.DELETE, false, 0),
                new MultiHeader(OpCode.ERROR, false, ErrorCode.BADVERSION.code()),
                new ErrorResponse(ErrorCode.BADVERSION.code()),
                MultiHeader.END);

        assertArrayEquals(Apache.bytes(apache), ours);
    }

    @Test
    void terminatorIsTheLastNineBytesApacheWrites() throws JuteException {
        byte[] theirs = Apache.bytes(new MultiOperationRecord(List.of(Op.delete(PATH, -1))));
        byte[] tail = Arrays.copyOfRange(theirs, theirs.length - 9, theirs.length);

        assertArrayEquals(Apache.ours(MultiHeader.END), tail);
        JuteReader reader = JuteReader.of(tail);
        assertEquals(MultiHeader.END, MultiHeader.read(reader));
        assertFalse(reader.hasRemaining());
    }
}
