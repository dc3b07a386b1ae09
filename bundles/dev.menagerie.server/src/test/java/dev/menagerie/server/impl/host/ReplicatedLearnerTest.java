package dev.menagerie.server.impl.host;

import static dev.menagerie.server.impl.host.ReplicaFixture.create;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.api.storage.LogEntry;
import dev.menagerie.protocol.ErrorCode;
import dev.menagerie.protocol.OpCode;
import dev.menagerie.protocol.proto.CreateResponse;
import dev.menagerie.protocol.proto.ExistsRequest;
import dev.menagerie.protocol.proto.GetDataRequest;
import dev.menagerie.protocol.proto.GetDataResponse;
import dev.menagerie.protocol.proto.SyncRequest;
import dev.menagerie.protocol.proto.SyncResponse;
import dev.menagerie.server.impl.pipeline.Request;
import dev.menagerie.server.impl.session.SessionState;
import dev.menagerie.testing.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A follower (server 2) with a leader (server 1) in the same JVM: the test carries forwarded writes to the leader
 * and committed entries back, as the quorum peer would.
 */
class ReplicatedLearnerTest {

    @TempDir
    Path dir;
    private ReplicaFixture leader;
    private ReplicaFixture learner;
    private final FakeProposer proposer = new FakeProposer();
    private final FakeForwarder forwarder = new FakeForwarder();

    @BeforeEach
    void start() throws Exception {
        leader = new ReplicaFixture(dir, 1);
        learner = new ReplicaFixture(dir, 2);
        leader.replica.serveAsLeader(0, proposer);
        learner.replica.serveAsLearner(forwarder);
    }

    @AfterEach
    void close() throws Exception {
        learner.close();
        leader.close();
    }

    /** Carries the learner's next forwarded write to the leader and its commit back; returns the write. */
    private FakeForwarder.Forwarded relayNextWrite() throws Exception {
        FakeForwarder.Forwarded write = forwarder.next();
        leader.replica.submitForwarded(write.sessionId(), write.cxid(), write.type(), write.body(), write.authIds());
        commit(proposer.commitNext());
        return write;
    }

    /** A committed entry reaches the learner as the peer hands it over: logged first, then applied. */
    private void commit(LogEntry entry) throws Exception {
        learner.storage.append(entry).toCompletableFuture().get(10, TimeUnit.SECONDS);
        learner.replica.applyCommitted(entry);
    }

    private RecordingLink learnerClient() throws Exception {
        RecordingLink client = learner.connect();
        FakeForwarder.Forwarded createSession = relayNextWrite();
        assertTrue(client.awaitEstablished());
        assertEquals(OpCode.CREATE_SESSION, createSession.type());
        assertEquals(2, client.sessionId >>> 56);
        return client;
    }

    @Test
    void aRequestCountsAgainstTheOutstandingLimitUntilTheLearnerAnswersIt() throws Exception {
        RecordingLink client = learnerClient();
        learner.send(client, 1, OpCode.CREATE, create("/parked", ""));
        learner.send(client, 2, OpCode.EXISTS, new ExistsRequest("/parked", false));
        FakeForwarder.Forwarded write = forwarder.next();
        assertEquals(2, learner.server().admission().outstanding(), "the write and the read parked behind it");

        leader.replica.submitForwarded(write.sessionId(), write.cxid(), write.type(), write.body(), write.authIds());
        commit(proposer.commitNext());
        assertEquals(1, client.next().xid());
        assertEquals(2, client.next().xid());
        assertEquals(0, learner.server().admission().outstanding(), "answered requests still count");
    }

    @Test
    void writesAreForwardedAndAnsweredWhenTheirCommitArrives() throws Exception {
        RecordingLink client = learnerClient();
        learner.send(client, 1, OpCode.CREATE, create("/a", "v"));
        FakeForwarder.Forwarded write = forwarder.next();
        assertEquals(client.sessionId, write.sessionId());
        assertEquals(1, write.cxid());
        assertNull(learner.server().tree().node("/a"), "a learner must not prepare writes itself");

        leader.replica.submitForwarded(write.sessionId(), write.cxid(), write.type(), write.body(), write.authIds());
        LogEntry entry = proposer.commitNext();
        assertTrue(client.replies.isEmpty());
        commit(entry);
        RecordingLink.Reply reply = client.next();
        assertEquals(1, reply.xid());
        assertEquals("/a", ((CreateResponse) reply.body()).path());
        assertEquals(entry.zxid(), reply.zxid());
        awaitApplied(leader, entry.zxid());
        assertEquals(leader.server().tree().digest(), learner.server().tree().digest());
        assertEquals(0, learner.server().digestMismatches());
    }

    @Test
    void aSessionsReadWaitsForItsEarlierWriteButOtherSessionsDoNot() throws Exception {
        RecordingLink writer = learnerClient();
        RecordingLink other = learnerClient();
        learner.send(writer, 1, OpCode.CREATE, create("/ordered", "new"));
        FakeForwarder.Forwarded write = forwarder.next();
        learner.send(writer, 2, OpCode.GET_DATA, new GetDataRequest("/ordered", false));
        learner.send(other, 1, OpCode.EXISTS, new ExistsRequest("/ordered", false));

        assertEquals(ErrorCode.NONODE.code(), other.next().err(), "another session's read was held back");
        assertTrue(writer.replies.isEmpty(), "a read overtook its session's write");

        leader.replica.submitForwarded(write.sessionId(), write.cxid(), write.type(), write.body(), write.authIds());
        commit(proposer.commitNext());
        assertEquals(1, writer.next().xid());
        RecordingLink.Reply read = writer.next();
        assertEquals(2, read.xid());
        assertArrayEquals("new".getBytes(), ((GetDataResponse) read.body()).data());
    }

    @Test
    void anotherServersSessionBecomesKnownHereAndCanMoveHere() throws Exception {
        RecordingLink leaderClient = leader.connect();
        commit(proposer.commitNext());
        assertTrue(leaderClient.awaitEstablished());
        awaitSessionHere(leaderClient.sessionId);

        RecordingLink moved = new RecordingLink();
        moved.sessionId = leaderClient.sessionId;
        assertTrue(learner.server().registry().resume(moved, leaderClient.sessionId, 30_000));
        learner.send(moved, 1, OpCode.EXISTS, new ExistsRequest("/", false));
        assertEquals(0, moved.next().err());
    }

    @Test
    void syncIsAnsweredAfterTheLeaderConfirmsIt() throws Exception {
        RecordingLink client = learnerClient();
        learner.send(client, 3, OpCode.SYNC, new SyncRequest("/x"));
        learner.send(client, 4, OpCode.EXISTS, new ExistsRequest("/", false));
        CompletableFuture<Void> sync = forwarder.syncs.poll(10, TimeUnit.SECONDS);
        assertNotNull(sync);
        assertTrue(client.replies.isEmpty());
        sync.complete(null);
        RecordingLink.Reply reply = client.next();
        assertEquals(3, reply.xid());
        assertEquals("/x", ((SyncResponse) reply.body()).path());
        assertEquals(4, client.next().xid());
    }

    @Test
    void closeSessionIsForwardedAndRemovesTheSessionEverywhere() throws Exception {
        RecordingLink client = learnerClient();
        learner.server().submit(new Request(client, client.sessionId, 1, OpCode.CLOSE_SESSION, new byte[0],
                java.util.List.of()));
        relayNextWrite();
        assertEquals(0, client.next().err());
        client.closed.get(10, TimeUnit.SECONDS);
        assertEquals(SessionState.UNKNOWN, learner.server().sessions().state(client.sessionId));
        awaitApplied(leader, learner.replica.lastProcessedZxid());
        assertEquals(SessionState.UNKNOWN, leader.server().sessions().state(client.sessionId));
    }

    /**
     * A quorum peer closed while following (its election changed, or its bundle was updated) ends the role while
     * the reader of the old leader connection may still hand over a commit: the role's end already applied every
     * logged proposal, so that commit must not be applied a second time (the tree digest would no longer match the
     * leader's, and the server would stop itself).
     */
    @Test
    void aCommitHandedOverAfterTheRoleEndedIsNotAppliedTwice() throws Exception {
        RecordingLink client = learnerClient();
        learner.send(client, 1, OpCode.CREATE, create("/late", "v"));
        FakeForwarder.Forwarded write = forwarder.next();
        leader.replica.submitForwarded(write.sessionId(), write.cxid(), write.type(), write.body(), write.authIds());
        LogEntry entry = proposer.commitNext();
        learner.storage.append(entry).toCompletableFuture().get(10, TimeUnit.SECONDS);

        learner.replica.stopServing();
        assertEquals(entry.zxid(), learner.replica.lastProcessedZxid(), "the role's end applies what was logged");
        long digest = learner.server().tree().digest();
        learner.replica.applyCommitted(entry);

        assertFalse(learner.server().failStop().stopped(), "the late commit stopped the server");
        assertEquals(0, learner.server().digestMismatches());
        assertEquals(digest, learner.server().tree().digest());
        assertEquals(entry.zxid(), learner.replica.lastProcessedZxid());
        assertNotNull(learner.server().tree().node("/late"));
    }

    /**
     * The quorum peer's thread ends the role while it is being interrupted (the peer is closing: an election swap,
     * an updated bundle). The commits already handed to the learner stage must be applied, and the stage ended,
     * before the role's end catches the tree up with the log; otherwise both apply the same transactions, the
     * digest check fails and the server stops itself.
     */
    @Test
    void anInterruptedRoleEndStillWaitsForTheCommitsHandedToTheStage() throws Exception {
        RecordingLink client = learnerClient();
        int writes = 300;
        java.util.List<LogEntry> entries = new java.util.ArrayList<>();
        for (int i = 0; i < writes; i++) {
            learner.send(client, i + 1, OpCode.CREATE, create("/n" + i, "v"));
            FakeForwarder.Forwarded write = forwarder.next();
            leader.replica.submitForwarded(write.sessionId(), write.cxid(), write.type(), write.body(),
                    write.authIds());
            LogEntry entry = proposer.commitNext();
            learner.storage.append(entry).toCompletableFuture().get(10, TimeUnit.SECONDS);
            entries.add(entry);
        }
        for (LogEntry entry : entries) {
            learner.replica.applyCommitted(entry);
        }
        Thread.currentThread().interrupt();
        try {
            learner.replica.stopServing();
        } finally {
            assertTrue(Thread.interrupted(), "the interrupt was kept for the caller");
        }

        long last = entries.get(writes - 1).zxid();
        assertEquals(last, learner.replica.lastProcessedZxid());
        Await.nothingWithin("the server stopped itself: " + learner.server().failStop(), Duration.ofMillis(500),
                () -> learner.server().failStop().stopped());
        assertEquals(0, learner.server().digestMismatches());
        awaitApplied(leader, last);
        assertEquals(leader.server().tree().digest(), learner.server().tree().digest());
    }

    private static void awaitApplied(ReplicaFixture server, long zxid) {
        Await.untilTrue(() -> "zxid " + Long.toHexString(zxid) + " applied (at "
                + Long.toHexString(server.replica.lastProcessedZxid()) + ")", Await.DEFAULT_TIMEOUT,
                () -> server.replica.lastProcessedZxid() >= zxid);
        assertEquals(zxid, server.replica.lastProcessedZxid());
    }

    private void awaitSessionHere(long sessionId) {
        Await.untilTrue("session " + Long.toHexString(sessionId) + " active on the learner", Await.DEFAULT_TIMEOUT,
                () -> learner.server().sessions().state(sessionId) == SessionState.ACTIVE);
    }
}
