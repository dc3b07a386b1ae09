package dev.menagerie.server.impl.host;

import static dev.menagerie.server.impl.host.ReplicaFixture.bytes;
import static dev.menagerie.server.impl.host.ReplicaFixture.create;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.api.replication.Forwarder;
import dev.menagerie.protocol.ErrorCode;
import dev.menagerie.protocol.OpCode;
import dev.menagerie.protocol.proto.CreateResponse;
import dev.menagerie.protocol.proto.ExistsRequest;
import dev.menagerie.protocol.proto.SyncRequest;
import dev.menagerie.protocol.proto.SyncResponse;
import dev.menagerie.protocol.txn.CreateSessionTxn;
import dev.menagerie.server.impl.pipeline.Request;
import dev.menagerie.server.impl.session.SessionIdGenerator;
import dev.menagerie.server.impl.session.SessionState;
import dev.menagerie.testing.Await;
import dev.menagerie.testing.MetricCounts;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplicatedLeaderTest {

    @TempDir
    Path dir;
    private ReplicaFixture leader;
    private final FakeProposer proposer = new FakeProposer();

    @BeforeEach
    void serveAsLeader() throws Exception {
        leader = new ReplicaFixture(dir, 1);
        leader.replica.serveAsLeader(leader.replica.lastProcessedZxid(), proposer);
    }

    @AfterEach
    void close() throws Exception {
        leader.close();
    }

    private RecordingLink establishedClient() throws Exception {
        RecordingLink client = leader.connect();
        proposer.commitNext();
        assertTrue(client.awaitEstablished());
        return client;
    }

    @Test
    void sessionIdsCarryTheServerIdInTheTopByte() throws Exception {
        RecordingLink client = establishedClient();
        assertEquals(1, client.sessionId >>> 56);
    }

    @Test
    void writeIsAppliedOnlyOnceAQuorumHasIt() throws Exception {
        RecordingLink client = establishedClient();
        leader.send(client, 1, OpCode.CREATE, create("/a", "x"));
        FakeProposer.Proposal proposal = proposer.next();
        proposal.localDurable().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertNull(leader.server().tree().node("/a"), "applied before the quorum acknowledged it");
        assertTrue(client.replies.isEmpty());

        proposal.quorum().complete(null);
        RecordingLink.Reply reply = client.next();
        assertEquals(0, reply.err());
        assertEquals("/a", ((CreateResponse) reply.body()).path());
        assertEquals(proposal.entry().zxid(), reply.zxid());
        assertArrayEquals("x".getBytes(), leader.server().tree().data("/a"));
    }

    @Test
    void failedProposalIsNeitherAppliedNorAnswered() throws Exception {
        RecordingLink client = establishedClient();
        leader.send(client, 1, OpCode.CREATE, create("/lost", ""));
        leader.send(client, 2, OpCode.CREATE, create("/after", ""));
        leader.send(client, 3, OpCode.EXISTS, new ExistsRequest("/after", false));
        FakeProposer.Proposal lost = proposer.next();
        FakeProposer.Proposal after = proposer.next();
        lost.localDurable().toCompletableFuture().get(10, TimeUnit.SECONDS);
        after.localDurable().toCompletableFuture().get(10, TimeUnit.SECONDS);
        lost.quorum().completeExceptionally(new IllegalStateException("quorum lost"));
        after.quorum().complete(null);

        RecordingLink.Reply read = client.next();
        assertEquals(3, read.xid(), "the client was told the outcome of a write the quorum did not confirm");
        assertEquals(ErrorCode.NONODE.code(), read.err(), "a write prepared on top of a lost one was applied");
        assertNull(leader.server().tree().node("/lost"));
        assertTrue(client.closed.isDone(), "the client's connection stayed open");

        // As Apache's fastForwardDataBase: once the role ends, what this server logged is applied, since the next
        // leader may commit it; a leader without it would truncate it away.
        leader.replica.stopServing();
        assertNotNull(leader.server().tree().node("/lost"));
        assertEquals(after.entry().zxid(), leader.replica.lastProcessedZxid());
    }

    @Test
    void forwardedCreateSessionRegistersTheLearnersSession() throws Exception {
        long learnerSession = SessionIdGenerator.initialId(2, System.currentTimeMillis());
        leader.replica.submitForwarded(learnerSession, 0, OpCode.CREATE_SESSION, bytes(new CreateSessionTxn(20_000)),
                List.of());
        proposer.commitNext();
        assertEquals(SessionState.ACTIVE, leader.server().sessions().state(learnerSession));

        leader.replica.submitForwarded(learnerSession, 1, OpCode.CREATE, bytes(create("/from-learner", "")),
                List.of(new Forwarder.AuthId("ip", "127.0.0.1")));
        proposer.commitNext();
        awaitNode("/from-learner");
        assertEquals(2, leader.server().tree().stat("/from-learner").mzxid() & 0xffffffffL);
    }

    @Test
    void syncIsAnsweredOnceTheProposerSaysEarlierWritesCommitted() throws Exception {
        RecordingLink client = establishedClient();
        leader.send(client, 5, OpCode.SYNC, new SyncRequest("/"));
        var sync = proposer.syncs.poll(10, TimeUnit.SECONDS);
        assertNotNull(sync);
        assertTrue(client.replies.isEmpty());
        sync.complete(null);
        RecordingLink.Reply reply = client.next();
        assertEquals(5, reply.xid());
        assertEquals("/", ((SyncResponse) reply.body()).path());
    }

    @Test
    void localSessionsAreThoseWithAClientHere() throws Exception {
        RecordingLink client = establishedClient();
        long learnerSession = SessionIdGenerator.initialId(3, System.currentTimeMillis());
        leader.replica.submitForwarded(learnerSession, 0, OpCode.CREATE_SESSION, bytes(new CreateSessionTxn(8_000)),
                List.of());
        proposer.commitNext();
        leader.replica.touchSessions(java.util.Map.of(learnerSession, 8_000));
        assertEquals(SessionState.ACTIVE, leader.server().sessions().state(learnerSession));
        assertEquals(java.util.Map.of(client.sessionId, 30_000), leader.replica.localSessions());
    }

    @Test
    void aClosedConnectionsReadIsDroppedAndItsWriteAppliedAndCountedStale() throws Exception {
        RecordingLink client = establishedClient();
        client.stale = true;
        leader.send(client, 1, OpCode.EXISTS, new ExistsRequest("/", false));
        leader.send(client, 2, OpCode.CREATE, create("/after-close", "x"));
        proposer.commitNext();
        awaitNode("/after-close");

        assertEquals(2, client.next().xid(), "the write is answered (nobody reads it), the read is not");
        assertEquals(1, MetricCounts.count(leader.metrics, "stale_requests_dropped"));
        assertEquals(1, MetricCounts.count(leader.metrics, "stale_requests"), "the write, as prep took it");
        assertEquals(1, MetricCounts.count(leader.metrics, "stale_replies"));
    }

    @Test
    void closeSessionIsNeverStale() throws Exception {
        RecordingLink client = establishedClient();
        client.stale = true;
        leader.server().submit(new Request(client, client.sessionId, 1, OpCode.CLOSE_SESSION, new byte[0],
                List.of()));
        proposer.commitNext();
        assertEquals(1, client.next().xid(), "the closeSession reply");
        assertEquals(0, MetricCounts.count(leader.metrics, "stale_requests"));
        assertEquals(0, MetricCounts.count(leader.metrics, "stale_replies"));
    }

    private void awaitNode(String path) {
        Await.until(path + " applied on the leader", Await.DEFAULT_TIMEOUT, () -> leader.server().tree().node(path));
    }
}
