package dev.menagerie.protocol.compat;

import static dev.menagerie.protocol.compat.Values.ACLS;
import static dev.menagerie.protocol.compat.Values.DATA;
import static dev.menagerie.protocol.compat.Values.PASSWORD;
import static dev.menagerie.protocol.compat.Values.PATH;
import static dev.menagerie.protocol.compat.Values.STAT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.protocol.OpCode;
import dev.menagerie.protocol.Xids;
import dev.menagerie.protocol.data.Stat;
import dev.menagerie.protocol.jute.JuteException;
import dev.menagerie.protocol.jute.JuteReader;
import dev.menagerie.protocol.persistence.FileHeader;
import dev.menagerie.protocol.proto.ConnectRequest;
import dev.menagerie.protocol.proto.ConnectResponse;
import dev.menagerie.protocol.proto.CreateRequest;
import dev.menagerie.protocol.proto.ReplyHeader;
import dev.menagerie.protocol.proto.RequestHeader;
import dev.menagerie.protocol.proto.WatcherEvent;
import dev.menagerie.protocol.txn.CreateTxn;
import dev.menagerie.protocol.txn.TxnDigest;
import dev.menagerie.protocol.txn.TxnHeader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.apache.jute.BinaryInputArchive;
import org.apache.zookeeper.compat.ProtocolManager;
import org.apache.zookeeper.server.persistence.FileSnap;
import org.apache.zookeeper.server.persistence.FileTxnLog;
import org.apache.zookeeper.server.persistence.Util;
import org.junit.jupiter.api.Test;

/** Whole frames as Apache ZooKeeper 3.9.5 builds them, compared byte for byte with ours. */
class GoldenBytesTest {
    private static final long SESSION = 0x0100_0000_0000_0042L;

    @Test
    void connectRequestWithReadOnlyIs45BytesLikeApache() throws JuteException {
        byte[] theirs = Apache.bytes(new org.apache.zookeeper.proto.ConnectRequest(0, 0x10L, 30_000, SESSION,
                PASSWORD, true));
        ConnectRequest ours = new ConnectRequest(0, 0x10L, 30_000, SESSION, PASSWORD, true);

        assertEquals(ConnectRequest.SIZE_WITH_READ_ONLY, theirs.length);
        assertArrayEquals(theirs, Apache.ours(ours));
        ConnectRequest decoded = ConnectRequest.read(JuteReader.of(theirs));
        assertTrue(decoded.readOnlyPresent());
        assertTrue(decoded.readOnly());
    }

    @Test
    void connectRequestWithoutReadOnlyIs44BytesAndApacheStillAcceptsIt() throws IOException {
        ConnectRequest old = new ConnectRequest(0, 0x10L, 30_000, SESSION, PASSWORD, false, false);
        byte[] ours = Apache.ours(old);
        byte[] theirs = Apache.bytes(new org.apache.zookeeper.proto.ConnectRequest(0, 0x10L, 30_000, SESSION,
                PASSWORD, false));

        assertEquals(ConnectRequest.SIZE_WITHOUT_READ_ONLY, ours.length);
        assertArrayEquals(Arrays.copyOf(theirs, 44), ours, "the old form is the new one without its last byte");
        ProtocolManager apacheServer = new ProtocolManager();
        org.apache.zookeeper.proto.ConnectRequest seen = apacheServer.deserializeConnectRequest(archive(ours));
        assertFalse(apacheServer.isReadonlyAvailable(), "Apache sees an old client");
        assertEquals(SESSION, seen.getSessionId());
        assertEquals(old, ConnectRequest.read(JuteReader.of(ours)));
    }

    @Test
    void connectResponseIs37BytesWithReadOnlyAnd36Without() throws IOException {
        byte[] theirs = Apache.bytes(new org.apache.zookeeper.proto.ConnectResponse(0, 40_000, SESSION, PASSWORD,
                true));
        ConnectResponse current = new ConnectResponse(0, 40_000, SESSION, PASSWORD, true);
        ConnectResponse old = new ConnectResponse(0, 40_000, SESSION, PASSWORD, false, false);

        assertEquals(ConnectResponse.SIZE_WITH_READ_ONLY, theirs.length);
        assertArrayEquals(theirs, Apache.ours(current));
        assertArrayEquals(Arrays.copyOf(theirs, ConnectResponse.SIZE_WITHOUT_READ_ONLY), Apache.ours(old));
        assertEquals(current, ConnectResponse.read(JuteReader.of(theirs)));
        assertEquals(old, ConnectResponse.read(JuteReader.of(Apache.ours(old))));
        ProtocolManager apacheClient = new ProtocolManager();
        assertEquals(40_000, apacheClient.deserializeConnectResponse(archive(Apache.ours(old))).getTimeOut());
        assertFalse(apacheClient.isReadonlyAvailable(), "Apache sees an old server");
    }

    @Test
    void createRequestFrameMatchesApache() throws JuteException {
        byte[] theirs = Apache.bytes(new org.apache.zookeeper.proto.RequestHeader(7, OpCode.CREATE),
                new org.apache.zookeeper.proto.CreateRequest(PATH, DATA, Apache.acls(ACLS), 3));
        RequestHeader header = new RequestHeader(7, OpCode.CREATE);
        CreateRequest body = new CreateRequest(PATH, DATA, ACLS, 3);

        assertArrayEquals(theirs, Apache.ours(header, body));
        JuteReader reader = JuteReader.of(theirs);
        assertEquals(header, RequestHeader.read(reader));
        assertEquals(body, CreateRequest.read(reader));
        assertFalse(reader.hasRemaining());
    }

    @Test
    void replyWithStatMatchesApache() throws JuteException {
        byte[] theirs = Apache.bytes(new org.apache.zookeeper.proto.ReplyHeader(7, 0x5_0000_0003L, 0),
                Apache.stat(STAT));
        ReplyHeader header = new ReplyHeader(7, 0x5_0000_0003L, 0);

        assertEquals(ReplyHeader.SIZE_BYTES + 68, theirs.length);
        assertArrayEquals(theirs, Apache.ours(header, STAT));
        JuteReader reader = JuteReader.of(theirs);
        assertEquals(header, ReplyHeader.read(reader));
        assertEquals(STAT, Stat.read(reader));
    }

    @Test
    void watchNotificationMatchesApache() throws JuteException {
        byte[] theirs = Apache.bytes(new org.apache.zookeeper.proto.ReplyHeader(Xids.NOTIFICATION, 0x5_0000_0003L, 0),
                new org.apache.zookeeper.proto.WatcherEvent(3, 3, PATH));
        ReplyHeader header = new ReplyHeader(Xids.NOTIFICATION, 0x5_0000_0003L, 0);
        WatcherEvent event = new WatcherEvent(3, 3, PATH);

        assertArrayEquals(theirs, Apache.ours(header, event));
        JuteReader reader = JuteReader.of(theirs);
        assertEquals(header, ReplyHeader.read(reader));
        assertEquals(event, WatcherEvent.read(reader));
    }

    @Test
    void txnLogEntryBodyMatchesApacheMarshalling() throws IOException {
        TxnHeader header = new TxnHeader(SESSION, 9, 0x5_0000_0004L, 1_700_000_000_999L, OpCode.CREATE);
        CreateTxn txn = new CreateTxn(PATH, DATA, ACLS, true, 4);
        TxnDigest digest = new TxnDigest(2, 0x1234_5678_9ABC_DEF0L);
        byte[] theirs = Util.marshallTxnEntry(
                new org.apache.zookeeper.txn.TxnHeader(SESSION, 9, 0x5_0000_0004L, 1_700_000_000_999L, OpCode.CREATE),
                new org.apache.zookeeper.txn.CreateTxn(PATH, DATA, Apache.acls(ACLS), true, 4),
                new org.apache.zookeeper.txn.TxnDigest(2, 0x1234_5678_9ABC_DEF0L));

        assertArrayEquals(theirs, Apache.ours(header, txn, digest));
        JuteReader reader = JuteReader.of(theirs);
        assertEquals(header, TxnHeader.read(reader));
        assertEquals(txn, CreateTxn.read(reader));
        assertEquals(digest, TxnDigest.read(reader));
    }

    @Test
    void fileHeadersCarryApacheMagicsAsAscii() throws JuteException {
        byte[] log = Apache.ours(FileHeader.txnLog());
        byte[] snapshot = Apache.ours(FileHeader.snapshot());

        assertEquals(FileTxnLog.TXNLOG_MAGIC, FileHeader.TXNLOG_MAGIC);
        assertEquals(FileSnap.SNAP_MAGIC, FileHeader.SNAPSHOT_MAGIC);
        assertArrayEquals(Apache.bytes(new org.apache.zookeeper.server.persistence.FileHeader(
                FileTxnLog.TXNLOG_MAGIC, 2, 0)), log);
        assertArrayEquals(Apache.bytes(new org.apache.zookeeper.server.persistence.FileHeader(
                FileSnap.SNAP_MAGIC, 2, 0)), snapshot);
        assertEquals("ZKLG", new String(log, 0, 4, StandardCharsets.US_ASCII));
        assertEquals("ZKSN", new String(snapshot, 0, 4, StandardCharsets.US_ASCII));
        assertEquals(FileHeader.SIZE_BYTES, log.length);
        assertEquals(FileHeader.snapshot(), FileHeader.read(JuteReader.of(snapshot)));
    }

    private static BinaryInputArchive archive(byte[] bytes) {
        return BinaryInputArchive.getArchive(new ByteArrayInputStream(bytes));
    }
}
