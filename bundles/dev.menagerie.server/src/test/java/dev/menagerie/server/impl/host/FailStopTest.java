package dev.menagerie.server.impl.host;

import static dev.menagerie.server.impl.host.ReplicaFixture.create;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.api.storage.LogEntry;
import dev.menagerie.api.storage.Storage;
import dev.menagerie.api.storage.StorageFailedException;
import dev.menagerie.protocol.OpCode;
import dev.menagerie.testing.Await;
import dev.menagerie.testing.LogLines;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What must never happen stops the server: one ERROR line names the cause, the client port closes and the server
 * takes no role again. A leader (server 1) and a learner (server 2) in this JVM; the test plays the quorum.
 */
class FailStopTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String STOP_LINE = "Stopping this server (fail-stop): ";

    @TempDir
    Path dir;
    private final FakeProposer proposer = new FakeProposer();
    private final LogLines log = new LogLines();
    private ReplicaFixture leader;
    private ReplicaFixture learner;

    @AfterEach
    void close() throws Exception {
        log.close();
        if (learner != null) {
            learner.close();
        }
        leader.close();
    }

    private void startLeader() throws Exception {
        leader = new ReplicaFixture(dir, 1);
        leader.replica.serveAsLeader(leader.replica.lastProcessedZxid(), proposer);
    }

    /** A leader with one session that created /a, and a learner that has applied both. */
    private void startLeaderAndLearner() throws Exception {
        startLeaderAndLearner(UnaryOperator.identity());
    }

    private void startLeaderAndLearner(UnaryOperator<Storage> learnerStorage) throws Exception {
        startLeader();
        learner = new ReplicaFixture(dir, 2, learnerStorage);
        learner.replica.serveAsLearner(new FakeForwarder());
        RecordingLink client = leader.connect();
        learnerCommits(proposer.commitNext());
        leader.send(client, 1, OpCode.CREATE, create("/a", "x"));
        learnerCommits(proposer.commitNext());
        Await.untilTrue("the learner applied /a", WAIT, () -> learner.server().tree().node("/a") != null);
    }

    private void learnerCommits(LogEntry entry) throws Exception {
        learner.storage.append(entry).toCompletableFuture().get(10, TimeUnit.SECONDS);
        learner.replica.applyCommitted(entry);
    }

    /** The next write the leader commits, as the learner receives it. */
    private LogEntry nextCommitted(String path) throws Exception {
        RecordingLink client = leader.connect();
        proposer.commitNext();
        leader.send(client, 1, OpCode.CREATE, create(path, ""));
        return proposer.commitNext();
    }

    private void assertStopped(ReplicaFixture replica, String cause) {
        String line = log.await(STOP_LINE, WAIT);
        assertTrue(line.contains("ERROR") && line.contains(cause), line);
        assertEquals(1, log.containing(STOP_LINE).size(), "one line per stop");
        Await.untilTrue("the client port closed", WAIT, () -> replica.transport.handler == null);
        assertFalse(replica.server().serving());
    }

    @Test
    void learnerStopsWhenTheTreeDigestDiffersFromTheLeaders() throws Exception {
        startLeaderAndLearner();
        LogEntry committed = nextCommitted("/b");
        byte[] bytes = committed.txnBytes().clone();
        bytes[bytes.length - 1] ^= 1; // the tree digest is the entry's last long
        learnerCommits(new LogEntry(committed.zxid(), bytes));

        assertStopped(learner, "applying committed transaction 0x" + Long.toHexString(committed.zxid())
                + " (create) failed: java.lang.IllegalStateException: the tree digest after it is ");
        assertEquals(1, learner.server().digestMismatches());
        learner.replica.serveAsLearner(new FakeForwarder());
        assertFalse(learner.server().serving(), "a stopped server took a role again");
    }

    /**
     * The digest mismatch once seen on a restarted server: proposals logged while syncing, committed only after
     * the learner starts serving, were applied when it started serving and again when their commit came.
     */
    @Test
    void proposalsLoggedWhileSyncingAreAppliedOnceWhenTheirCommitComes() throws Exception {
        startLeaderAndLearner();
        learner.replica.stopServing();
        LogEntry proposal = nextCommitted("/synced");
        learner.storage.append(proposal).toCompletableFuture().get(10, TimeUnit.SECONDS);
        learner.replica.serveAsLearner(new FakeForwarder());
        assertNull(learner.server().tree().node("/synced"), "applied before its commit");

        learner.replica.applyCommitted(proposal);
        Await.untilTrue("the learner applied /synced", WAIT, () -> learner.server().tree().node("/synced") != null);
        assertEquals(proposal.zxid(), learner.replica.lastProcessedZxid());
        Await.nothingWithin("a fail-stop", Duration.ofMillis(300), () -> !log.containing(STOP_LINE).isEmpty());
        assertEquals(0, learner.server().digestMismatches());
    }

    /**
     * The divergence the fault-injection test found: a follower's role ended while a proposal was still on its
     * way to the log; the catch-up, the vote and the next sync went without it, and the log got it anyway, so a
     * server that then led applied it when it started serving and its learners never did.
     */
    @Test
    void roleEndWaitsForProposalsOnTheirWayToTheLog() throws Exception {
        CompletableFuture<Void> gate = new CompletableFuture<>();
        AtomicBoolean gated = new AtomicBoolean();
        startLeaderAndLearner(files -> new ForwardingStorage(files) {
            @Override
            public CompletionStage<Void> append(LogEntry entry) {
                if (!gated.get()) {
                    return files.append(entry);
                }
                return gate.thenCompose(open -> files.append(entry));
            }
        });
        LogEntry proposal = nextCommitted("/in-flight");
        gated.set(true);
        // as LearnerEffects logs a proposal: through the replica's storage
        CompletionStage<Void> logged = learner.replica.storage().append(proposal);
        CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS).execute(() -> gate.complete(null));

        learner.replica.stopServing();

        assertTrue(logged.toCompletableFuture().isDone(), "the role ended before its proposal reached the log");
        assertEquals(proposal.zxid(), learner.replica.lastProcessedZxid());
        assertNotNull(learner.server().tree().node("/in-flight"), "the catch-up missed the logged proposal");
    }

    @Test
    void learnerStopsWhenACommittedTransactionCannotBeApplied() throws Exception {
        startLeaderAndLearner();
        LogEntry committed = nextCommitted("/b");
        LogEntry cut = new LogEntry(committed.zxid(), Arrays.copyOf(committed.txnBytes(), 30));

        assertThrows(RuntimeException.class, () -> learnerCommits(cut));
        assertStopped(learner, "committed transaction 0x" + Long.toHexString(committed.zxid())
                + " cannot be decoded");
        assertNull(learner.server().tree().node("/b"));
    }

    @Test
    void leaderStopsWhenItsLogCannotBeWritten() throws Exception {
        leaderWhoseWriteFails("/broken",
                new StorageFailedException("fsync of the transaction log failed", new IOException("I/O error")));
        assertStopped(leader, "the transaction log cannot be written: " + StorageFailedException.class.getName()
                + ": fsync of the transaction log failed");
    }

    @Test
    void leaderKeepsServingWhenTheDiskIsFull() throws Exception {
        RecordingLink client = leaderWhoseWriteFails("/full", new IOException("No space left on device"));
        client.closed.get(10, TimeUnit.SECONDS);
        Await.nothingWithin("a fail-stop", Duration.ofMillis(500), () -> !log.containing(STOP_LINE).isEmpty());
        assertTrue(leader.server().serving(), "a full disk stopped the server");
        assertTrue(leader.transport.handler != null, "a full disk closed the client port");
    }

    /** A leader and one session whose create of {@code path} fails to be proposed with {@code failure}. */
    private RecordingLink leaderWhoseWriteFails(String path, Exception failure) throws Exception {
        startLeader();
        RecordingLink client = leader.connect();
        proposer.commitNext();
        leader.send(client, 1, OpCode.CREATE, create(path, ""));
        failNext(failure);
        return client;
    }

    private void failNext(Exception failure) throws Exception {
        FakeProposer.Proposal proposal = proposer.next();
        proposal.localDurable().toCompletableFuture().get(10, TimeUnit.SECONDS);
        proposal.quorum().completeExceptionally(failure);
    }

    /**
     * The digest mismatch once seen after a leader lost its quorum: a write prepared after a lost proposal was
     * logged with a digest that left the lost one out, though the log holds both and the fast-forward applies both.
     */
    @Test
    void leaderThatLostItsQuorumCatchesUpWithItsLogWithoutADigestMismatch() throws Exception {
        startLeader();
        RecordingLink first = leader.connect();
        proposer.commitNext();
        RecordingLink second = leader.connect();
        proposer.commitNext();
        leader.send(first, 1, OpCode.CREATE, create("/lost", "x"));
        failNext(new IllegalStateException("quorum lost"));
        first.closed.get(10, TimeUnit.SECONDS);
        leader.send(second, 1, OpCode.CREATE, create("/after", "y"));
        FakeProposer.Proposal after = proposer.next();
        after.localDurable().toCompletableFuture().get(10, TimeUnit.SECONDS);

        leader.replica.stopServing();
        assertNotNull(leader.server().tree().node("/lost"));
        assertNotNull(leader.server().tree().node("/after"));
        assertEquals(after.entry().zxid(), leader.replica.lastProcessedZxid());
        assertEquals(0, leader.server().digestMismatches());
        assertTrue(log.containing(STOP_LINE).isEmpty(), log.containing(STOP_LINE).toString());
    }
}
