package dev.menagerie.server.impl.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.api.election.PeerState;
import dev.menagerie.api.replication.QuorumPeer;
import dev.menagerie.api.transport.ConnectionHandler;
import dev.menagerie.protocol.OpCode;
import dev.menagerie.protocol.jute.JuteWriter;
import dev.menagerie.protocol.proto.ConnectRequest;
import dev.menagerie.protocol.proto.ExistsRequest;
import dev.menagerie.server.impl.session.SessionState;
import dev.menagerie.testing.Await;
import dev.menagerie.testing.MetricCounts;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client port of a quorum member: closed to clients until it has a role, open to four-letter words. */
class ReplicaServingTest {

    @TempDir
    Path dir;
    private ReplicaFixture server;

    @BeforeEach
    void start() throws Exception {
        server = new ReplicaFixture(dir, 1);
    }

    @AfterEach
    void close() throws Exception {
        server.close();
    }

    private ConnectionHandler handler() {
        return server.transport.handler;
    }

    private FakeConnection clientConnects() {
        FakeConnection connection = new FakeConnection();
        assertTrue(handler().connected(connection));
        JuteWriter out = new JuteWriter(64);
        new ConnectRequest(0, 0, 30_000, 0, new byte[16], false, true).write(out);
        handler().received(connection, out.view());
        return connection;
    }

    private String fourLetterWord(String word) throws Exception {
        FakeConnection connection = new FakeConnection();
        handler().connected(connection);
        handler().fourLetterWord(connection, word);
        return connection.raw.get(10, TimeUnit.SECONDS);
    }

    @Test
    void clientsAreTurnedAwayUntilTheServerHasARole() throws Exception {
        FakeConnection early = clientConnects();
        assertTrue(early.closed, "a client was accepted before the server joined a quorum");
        assertTrue(early.frames.isEmpty());
        assertEquals(1, MetricCounts.count(server.metrics, "cnxn_closed_without_zk_server_running"));

        server.replica.serveAsLeader(0, new FakeProposer());
        FakeConnection later = clientConnects();
        assertFalse(later.closed);
        assertEquals(1, MetricCounts.count(server.metrics, "cnxn_closed_without_zk_server_running"));
    }

    @Test
    void stopServingClosesConnectionsButKeepsSessions() throws Exception {
        FakeProposer proposer = new FakeProposer();
        server.replica.serveAsLeader(0, proposer);
        FakeConnection connection = clientConnects();
        proposer.commitNext();
        Await.untilTrue("the session's connect reply", Await.DEFAULT_TIMEOUT, () -> !connection.frames.isEmpty());
        assertEquals(1, connection.frames.size(), "the session was not established");
        long sessionId = server.server().sessions().sessionTimeouts().keySet().iterator().next();

        server.replica.stopServing();
        assertTrue(connection.closed);
        assertFalse(server.server().serving());
        assertEquals(SessionState.ACTIVE, server.server().sessions().state(sessionId));

        RecordingLink link = new RecordingLink();
        link.sessionId = sessionId;
        server.send(link, 1, OpCode.EXISTS, new ExistsRequest("/", false));
        assertTrue(link.replies.poll(200, TimeUnit.MILLISECONDS) == null, "answered while not serving");

        server.replica.serveAsLearner(new FakeForwarder());
        server.send(link, 2, OpCode.EXISTS, new ExistsRequest("/", false));
        assertEquals(2, link.next().xid());
    }

    @Test
    void fourLetterWordsTellTheRole() throws Exception {
        assertEquals("This ZooKeeper instance is not currently serving requests\n", fourLetterWord("srvr"));
        assertEquals("This ZooKeeper instance is not currently serving requests\n", fourLetterWord("mntr"));
        assertEquals("null", fourLetterWord("isro"));
        assertEquals("imok", fourLetterWord("ruok"));

        server.replica.serveAsLeader(0, new FakeProposer());
        assertTrue(fourLetterWord("srvr").contains("Mode: leader\n"));
        server.replica.stopServing();
        server.replica.serveAsLearner(new FakeForwarder());
        assertTrue(fourLetterWord("srvr").contains("Mode: follower\n"));
        server.replica.peer(new FixedPeer(PeerState.OBSERVING));
        assertTrue(fourLetterWord("stat").contains("Mode: observer\n"));
        String mntr = fourLetterWord("mntr");
        assertTrue(mntr.contains("zk_server_state\tobserver\n"), mntr);
        assertTrue(mntr.contains("zk_peer_state\tobserving - broadcast\n"), "the peer's own values follow: " + mntr);
        String conf = fourLetterWord("conf");
        assertTrue(conf.endsWith("serverId=1\ninitLimit=10\nsyncLimit=5\nelectionAlg=3\nelectionPort=3888\n"
                + "quorumPort=2888\npeerType=0\nmembership: \n"
                + "server.1=127.0.0.1:2888:3888:participant\nserver.2=127.0.0.1:2889:3889:participant\n"
                + "server.3=127.0.0.1:2890:3890:participant\nversion=0"), "Apache's quorum lines of conf: " + conf);
    }

    private record FixedPeer(PeerState state) implements QuorumPeer {
        @Override
        public long leaderId() {
            return 1;
        }

        @Override
        public java.util.Map<String, Object> monitorValues() {
            return java.util.Map.of("peer_state", state.name().toLowerCase(java.util.Locale.ROOT) + " - broadcast");
        }

        @Override
        public void close() {
        }
    }
}
