package dev.menagerie.it.process.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.List;
import org.apache.jute.BinaryInputArchive;
import org.apache.jute.BinaryOutputArchive;
import org.apache.jute.Record;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.proto.ConnectRequest;
import org.apache.zookeeper.proto.ConnectResponse;
import org.apache.zookeeper.proto.ExistsRequest;
import org.apache.zookeeper.proto.GetDataRequest;
import org.apache.zookeeper.proto.ReplyHeader;
import org.apache.zookeeper.proto.RequestHeader;
import org.apache.zookeeper.proto.SetDataRequest;

/**
 * Client protocol frames, encoded with Apache's own jute records (the client jar is a test dependency), for
 * clients that misbehave on purpose and so cannot be Apache's client.
 */
final class Wire {

    static final int OP_CLOSE_SESSION = ZooDefs.OpCode.closeSession;

    private Wire() {
    }

    /** A length-prefixed frame holding {@code records} one after the other. */
    static byte[] frame(Record... records) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        BinaryOutputArchive out = BinaryOutputArchive.getArchive(body);
        try {
            for (Record record : records) {
                record.serialize(out, "");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ByteBuffer.allocate(4 + body.size()).putInt(body.size()).put(body.toByteArray()).array();
    }

    static byte[] connect(long sessionId, byte[] password, int timeoutMs) {
        return frame(new ConnectRequest(0, 0, timeoutMs, sessionId, password, false));
    }

    static byte[] getData(int xid, String path) {
        return frame(new RequestHeader(xid, ZooDefs.OpCode.getData), new GetDataRequest(path, false));
    }

    static byte[] exists(int xid, String path, boolean watch) {
        return frame(new RequestHeader(xid, ZooDefs.OpCode.exists), new ExistsRequest(path, watch));
    }

    static byte[] setData(int xid, String path, byte[] data) {
        return frame(new RequestHeader(xid, ZooDefs.OpCode.setData), new SetDataRequest(path, data, -1));
    }

    static byte[] closeSession(int xid) {
        return frame(new RequestHeader(xid, OP_CLOSE_SESSION));
    }

    /** The frames one after the other, for pipelining in one write. */
    static byte[] concat(List<byte[]> frames) {
        int size = frames.stream().mapToInt(f -> f.length).sum();
        ByteBuffer all = ByteBuffer.allocate(size);
        frames.forEach(all::put);
        return all.array();
    }

    /** The body of a connect response (without its length prefix). */
    static ConnectResponse connectResponse(byte[] body) {
        ConnectResponse response = new ConnectResponse();
        read(response, body);
        return response;
    }

    /** The reply header at the start of a reply body. */
    static ReplyHeader replyHeader(byte[] body) {
        ReplyHeader header = new ReplyHeader();
        read(header, body);
        return header;
    }

    private static void read(Record record, byte[] body) {
        try {
            record.deserialize(BinaryInputArchive.getArchive(new java.io.ByteArrayInputStream(body)), "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
