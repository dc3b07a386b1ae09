package dev.menagerie.server.impl.host;

import static dev.menagerie.server.impl.host.ReplicaFixture.create;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.api.storage.LogEntry;
import dev.menagerie.protocol.OpCode;
import dev.menagerie.testing.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A leader handing over its leadership holds its requests: no zxid is given, nothing is logged or proposed, until
 * it releases them (the transfer was given up) or stops serving (it stepped down, and the held requests are dropped).
 */
class LeaderHoldTest {

    private static final Duration QUIET = Duration.ofMillis(300);

    @TempDir
    Path dir;
    private final FakeProposer proposer = new FakeProposer();
    private ReplicaFixture leader;
    private RecordingLink client;
    private long sessionZxid;

    /** A leader with one client session, and that client's first request held. */
    @BeforeEach
    void leadWithAHeldWrite() throws Exception {
        leader = new ReplicaFixture(dir, 1);
        leader.replica.serveAsLeader(leader.replica.lastProcessedZxid(), proposer);
        client = leader.connect();
        sessionZxid = proposer.commitNext().zxid();
        assertTrue(client.awaitEstablished());
        long lastGiven = leader.replica.holdRequests().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertEquals(sessionZxid, lastGiven, "the last zxid given");
        leader.send(client, 1, OpCode.CREATE, create("/held", ""));
        Await.nothingWithin("a held write is proposed", QUIET, () -> !proposer.proposals.isEmpty());
        assertEquals(sessionZxid, leader.replica.storage().lastLoggedZxid(), "a held write was logged");
    }

    @AfterEach
    void close() throws Exception {
        leader.close();
    }

    @Test
    void aReleasedWriteGetsTheNextZxidAndIsAnswered() throws Exception {
        leader.replica.releaseRequests();
        LogEntry released = proposer.commitNext();
        assertEquals(sessionZxid + 1, released.zxid());
        assertEquals(1, client.next().xid(), "the released write is answered");
    }

    @Test
    void steppingDownDropsTheHeldRequestsUnloggedAndUnproposed() throws Exception {
        leader.send(client, 2, OpCode.CREATE, create("/queued", ""));
        leader.replica.stopServing();
        Await.nothingWithin("a dropped request is answered", QUIET, () -> !client.replies.isEmpty());
        assertTrue(proposer.proposals.isEmpty(), "a held write was proposed");
        assertEquals(sessionZxid, leader.replica.lastProcessedZxid());
        assertEquals(sessionZxid, leader.replica.storage().lastLoggedZxid(), "a held write was logged");
        assertTrue(leader.replica.holdRequests().toCompletableFuture().isCompletedExceptionally(),
                "a server that does not lead holds nothing");
    }
}
