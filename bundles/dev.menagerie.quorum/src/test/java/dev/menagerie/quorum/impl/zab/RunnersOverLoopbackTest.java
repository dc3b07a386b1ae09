package dev.menagerie.quorum.impl.zab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.api.config.HostPort;
import dev.menagerie.api.election.PeerAuthenticator;
import dev.menagerie.api.election.PeerSockets;
import dev.menagerie.protocol.quorum.QuorumPacket;
import dev.menagerie.testing.Await;
import dev.menagerie.testing.FreePorts;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A leader and two followers over real loopback sockets, with in-memory replicas: the wire and the loops. */
@Timeout(60)
class RunnersOverLoopbackTest {

    private static final int TICK_MS = 100;
    /** A second: a loaded 2-core machine can stall a follower for a few hundred ms, and must not drop it. */
    private static final int SYNC_LIMIT_TICKS = 10;
    private final List<Runnable> stops = new ArrayList<>();

    @AfterEach
    void stopAll() {
        stops.forEach(Runnable::run);
    }

    @Test
    void followersSyncReplicateAndTheLeaderGivesUpWithoutAQuorum() throws Exception {
        HostPort address = new HostPort("127.0.0.1", freePort());
        MemoryReplica leader = new MemoryReplica(TICK_MS, 10, SYNC_LIMIT_TICKS);
        MemoryReplica f2 = new MemoryReplica(TICK_MS, 10, SYNC_LIMIT_TICKS);
        MemoryReplica f3 = new MemoryReplica(TICK_MS, 10, SYNC_LIMIT_TICKS);
        RecordedMetrics leaderMetrics = new RecordedMetrics();
        RecordedMetrics f2Metrics = new RecordedMetrics();
        LeaderRunner leading = new LeaderRunner(1, TestVerifiers.majority(Set.of(1L, 2L, 3L)), leader, address,
                PeerSockets.PLAINTEXT, PeerAuthenticator.NONE, leaderMetrics.metrics());
        // As the peer does when it starts an election: unavailable until its role serves.
        leaderMetrics.metrics().lookingStarted();
        f2Metrics.metrics().lookingStarted();
        CompletableFuture<String> leaderEnd = runAsync(leading::run, "leader");
        stops.add(() -> leading.stop("test over"));
        LearnerRunner learner2 = startLearner(2, f2, address, f2Metrics.metrics());
        LearnerRunner learner3 = startLearner(3, f3, address);
        await(() -> leader.serving() && f2.serving() && f3.serving(), "all three serve");
        assertEquals(1, leader.storage().currentEpoch(), "the first epoch is established");

        List<CompletableFuture<Void>> writes = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            writes.add(leader.write(new byte[] {(byte) i}).toCompletableFuture());
        }
        CompletableFuture.allOf(writes.toArray(new CompletableFuture[0])).get(20, TimeUnit.SECONDS);
        await(() -> f2.appliedZxids().size() == 200 && f3.appliedZxids().size() == 200, "followers apply all");
        assertEquals(leader.appliedZxids(), f2.appliedZxids());
        assertEquals(Zxids.of(1, 200), leader.lastProcessedZxid());

        // Follower 3 leaves and misses more than the committed window: it comes back through a snapshot.
        learner3.stop("test: one follower leaves");
        writeAll(leader, CommittedWindow.DEFAULT_CAPACITY + 100);
        learner3 = startLearner(3, f3, address);
        await(() -> f3.appliedZxids().size() == 200 + CommittedWindow.DEFAULT_CAPACITY + 100, "f3 catches up");
        assertEquals(leader.appliedZxids(), f3.appliedZxids());
        // Then it misses a few: a DIFF brings them.
        learner3.stop("test: the follower leaves again");
        writeAll(leader, 10);
        learner3 = startLearner(3, f3, address);
        await(() -> f3.appliedZxids().equals(leader.appliedZxids()), "f3 catches up by DIFF");
        // One proposal shaped as a transaction, whose header carries the leader's wall-clock time.
        leader.write(stampedTxn()).toCompletableFuture().get(10, TimeUnit.SECONDS);
        await(() -> f2Metrics.count("proposal_latency") == 1, "f2 records the latency of the proposal with a header");
        long proposals = 200 + CommittedWindow.DEFAULT_CAPACITY + 100 + 10 + 1;
        assertEquals(proposals, leaderMetrics.count("proposal_count"));
        assertEquals(proposals, leaderMetrics.count("commit_count"));
        assertEquals(proposals, leaderMetrics.count("quorum_ack_latency"));
        // As Apache's leader, by default only a zxid that is a multiple of 1000 has its acks timed: here epoch 1's
        // 704th. A quorum (two of three) acks it before its commit; the third ack may come after, and is not timed.
        assertEquals(0, Zxids.of(1, 704) % LeaderEffects.DEFAULT_ACK_LOGGING_FREQUENCY);
        long acksTimed = leaderMetrics.count("ack_latency", "1") + leaderMetrics.count("ack_latency", "2")
                + leaderMetrics.count("ack_latency", "3");
        assertTrue(acksTimed >= 2 && acksTimed <= 3, acksTimed + " acks timed for the one sampled proposal");
        // The leader's sender to f2 took each proposal and commit (and the sync's packets) from its queue.
        long f2Packets = leaderMetrics.count("learner_handler_qp_size", "2");
        assertTrue(f2Packets >= 2 * proposals, f2Packets + " packets taken from f2's queue");
        assertEquals(f2Packets, leaderMetrics.count("learner_handler_qp_time_ms", "2"), "each taken packet is timed");
        assertTrue(leaderMetrics.count("learner_handler_qp_size", "3") > 0, "f3 has a queue of its own");
        assertEquals(1, leaderMetrics.count("snap_count"), "f3's return after missing the window");
        assertEquals(3, leaderMetrics.count("diff_count"), "f2 and f3 at the start, f3 after missing 10");
        assertEquals(1, leaderMetrics.count("inflight_snap_count"), "recorded as each snapshot sync starts");
        assertEquals(3, leaderMetrics.count("inflight_diff_count"), "recorded as each DIFF sync starts");
        assertEquals(1, f2Metrics.count("follower_sync_time"));
        assertEquals(1, f2Metrics.count("unavailable_time"));
        assertEquals(0, f2Metrics.count("leader_unavailable_time"), "a follower");
        assertEquals(1, leaderMetrics.count("unavailable_time"));
        assertEquals(1, leaderMetrics.count("leader_unavailable_time"));
        assertEquals(proposals, f2Metrics.count("learner_proposal_received_count"));
        await(() -> f2Metrics.count("learner_commit_received_count") == proposals, "f2 counts every commit");
        assertEquals(proposals, f2Metrics.count("proposal_ack_creation_latency"), "f2 acked every proposal");
        await(() -> f2Metrics.count("commit_propagation_latency") == proposals, "f2 times every commit");

        learner3.stop("test: one follower leaves");
        leader.write(new byte[] {1}).toCompletableFuture().get(10, TimeUnit.SECONDS);
        learner2.stop("test: the second follower leaves");
        String reason = leaderEnd.get(20, TimeUnit.SECONDS);
        assertTrue(reason.contains("quorum"), reason);
        await(() -> f2Metrics.count("socket_closing_time") == 1, "f2 timed closing its connection to the leader");
        await(() -> leaderMetrics.count("socket_closing_time") >= 3, "the leader timed closing the links of the"
                + " followers that left");
    }

    /** Five voters, two of which join only after the epoch is established: writes need three of them. */
    @Test
    void fiveVotersCommitWithFollowersThatJoinedAfterTheEpochWasEstablished() throws Exception {
        HostPort address = new HostPort("127.0.0.1", freePort());
        MemoryReplica leader = new MemoryReplica(TICK_MS, 10, SYNC_LIMIT_TICKS);
        LeaderRunner leading = new LeaderRunner(1, TestVerifiers.majority(Set.of(1L, 2L, 3L, 4L, 5L)), leader,
                address, PeerSockets.PLAINTEXT, PeerAuthenticator.NONE, new RecordedMetrics().metrics());
        runAsync(leading::run, "leader");
        stops.add(() -> leading.stop("test over"));
        List<MemoryReplica> followers = new ArrayList<>();
        for (long sid = 2; sid <= 5; sid++) {
            followers.add(new MemoryReplica(TICK_MS, 10, SYNC_LIMIT_TICKS));
        }
        LearnerRunner early = startLearner(2, followers.get(0), address);
        startLearner(3, followers.get(1), address);
        await(() -> leader.serving() && followers.get(0).serving() && followers.get(1).serving(), "three serve");
        startLearner(4, followers.get(2), address);
        startLearner(5, followers.get(3), address);
        await(() -> followers.stream().allMatch(MemoryReplica::serving), "the late followers serve");
        early.stop("test: an early follower leaves, so the late ones must ack");
        writeAll(leader, 50);
        await(() -> followers.get(3).appliedZxids().size() == 50, "a late follower applies every write");
    }

    /**
     * A transfer to follower 2 while a client writes on: 2 alone logs the handover proposal, the highest zxid, and
     * leading the next epoch (as the election then chooses it) it commits everything the old leader acknowledged.
     */
    @Test
    void aTransferLeavesTheTargetAloneWithTheHighestZxidAndItsEpochKeepsEveryAcknowledgedWrite() throws Exception {
        HostPort address = new HostPort("127.0.0.1", freePort());
        MemoryReplica old = new MemoryReplica(TICK_MS, 10, SYNC_LIMIT_TICKS);
        MemoryReplica target = new MemoryReplica(TICK_MS, 10, SYNC_LIMIT_TICKS);
        MemoryReplica f3 = new MemoryReplica(TICK_MS, 10, SYNC_LIMIT_TICKS);
        Set<Long> voters = Set.of(1L, 2L, 3L);
        LeaderRunner leading = new LeaderRunner(1, TestVerifiers.majority(voters), old, address,
                PeerSockets.PLAINTEXT, PeerAuthenticator.NONE, new RecordedMetrics().metrics());
        CompletableFuture<String> leaderEnd = runAsync(leading::run, "leader");
        stops.add(() -> leading.stop("test over"));
        startLearner(2, target, address);
        startLearner(3, f3, address);
        await(() -> old.serving() && target.serving() && f3.serving(), "all three serve");
        CompletableFuture<String> writer = runAsync(() -> {
            for (int i = 0; i < 100_000; i++) {
                try {
                    old.write(new byte[] {(byte) i}).toCompletableFuture().get(10, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    return "stopped after " + i + " writes: " + e.getCause().getMessage();
                }
            }
            return "wrote them all";
        }, "writer");
        await(() -> old.appliedZxids().size() >= 50, "writes flow");

        TransferRequest request = new TransferRequest(2);
        leading.transfer(request);
        String reason = leaderEnd.get(20, TimeUnit.SECONDS);
        assertEquals("handed the leadership to server 2", reason);
        old.stopServing(); // as the peer does once the role ended: the held write fails
        String written = writer.get(20, TimeUnit.SECONDS);
        assertTrue(written.contains("leading"), written);
        List<Long> acknowledged = old.appliedZxids();
        long handoverZxid = target.storage().lastLoggedZxid();
        assertEquals(acknowledged.get(acknowledged.size() - 1) + 1, handoverZxid, "the target holds one more zxid");
        assertEquals(handoverZxid - 1, old.storage().lastLoggedZxid(), "the old leader logged no held write");
        assertEquals(handoverZxid - 1, f3.storage().lastLoggedZxid(), "nor did the other follower get it");

        // The election prefers the target's zxid; here its outcome is set up by hand.
        target.stopServing();
        f3.stopServing();
        HostPort nextAddress = new HostPort("127.0.0.1", freePort());
        LeaderRunner next = new LeaderRunner(2, TestVerifiers.majority(voters), target, nextAddress,
                PeerSockets.PLAINTEXT, PeerAuthenticator.NONE, new RecordedMetrics().metrics());
        runAsync(next::run, "next-leader");
        stops.add(() -> next.stop("test over"));
        startLearner(1, old, nextAddress);
        startLearner(3, f3, nextAddress);
        await(() -> target.serving() && old.serving() && f3.serving(), "the target leads, the old leader follows");
        assertEquals(Zxids.epoch(handoverZxid) + 1, target.storage().currentEpoch());
        Await.untilTrue(() -> "every server applies the acknowledged writes (" + acknowledged.size()
                + ") and the handover proposal 0x" + Long.toHexString(handoverZxid) + "; old leader: "
                + describe(old) + ", follower 3: " + describe(f3), Await.DEFAULT_TIMEOUT,
                () -> old.appliedZxids().containsAll(acknowledged) && old.appliedZxids().contains(handoverZxid)
                && f3.appliedZxids().contains(handoverZxid));
        target.write(new byte[] {42}).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static String describe(MemoryReplica replica) {
        List<Long> applied = replica.appliedZxids();
        return applied.size() + " applied, the last 0x" + Long.toHexString(replica.lastProcessedZxid());
    }

    /** An Apache learner asks the leader to revalidate a session that reconnected to it, and waits for the answer. */
    @Test
    void theLeaderAnswersRevalidateAsApacheLearnersExpect() throws Exception {
        HostPort address = new HostPort("127.0.0.1", freePort());
        MemoryReplica leader = new MemoryReplica(TICK_MS, 10, SYNC_LIMIT_TICKS);
        RecordedMetrics leaderMetrics = new RecordedMetrics();
        LeaderRunner leading = new LeaderRunner(1, TestVerifiers.majority(Set.of(1L, 2L, 3L)), leader, address,
                PeerSockets.PLAINTEXT, PeerAuthenticator.NONE, leaderMetrics.metrics());
        runAsync(leading::run, "leader");
        stops.add(() -> leading.stop("test over"));
        startLearner(2, new MemoryReplica(TICK_MS, 10, SYNC_LIMIT_TICKS), address);
        await(leader::serving, "the leader serves with follower 2");

        try (PacketChannel learner = new PacketChannel(new java.net.Socket(address.host(), address.port()))) {
            learner.setReadTimeoutMs(10_000);
            learner.write(new QuorumPacket(ZabPacketType.FOLLOWERINFO.code(), 0,
                    LearnerRegistration.infoPayload(3), null));
            learner.flush();
            QuorumPacket info = learner.read();
            assertEquals(ZabPacketType.LEADERINFO.code(), info.type());
            LearnerRegistration.EpochAnswer answer = LearnerRegistration.onLeaderInfo(info.zxid(), 0, 0, 0);
            learner.write(new QuorumPacket(ZabPacketType.ACKEPOCH.code(), answer.ackZxid(), answer.ackPayload(),
                    null));
            learner.write(revalidate(MemoryReplica.REVALIDATED_SESSION));
            learner.write(revalidate(0x0200000000000007L));
            learner.flush();
            List<String> answers = new ArrayList<>();
            while (answers.size() < 2) {
                QuorumPacket packet = learner.read();
                if (packet.type() == ZabPacketType.REVALIDATE.code()) {
                    java.nio.ByteBuffer data = java.nio.ByteBuffer.wrap(packet.data());
                    answers.add(Long.toHexString(data.getLong()) + "=" + (data.get() != 0));
                }
            }
            assertEquals(List.of("100000000000042=true", "200000000000007=false"), answers);
            await(() -> leaderMetrics.count("revalidate_count") == 2, "the leader counts both revalidations");
        }
    }

    /** A transaction header (client id, cxid, zxid, time, type) stamped now, as a leader's prep makes one. */
    private static byte[] stampedTxn() {
        return java.nio.ByteBuffer.allocate(32).putLong(0x42).putInt(1).putLong(0).putLong(System.currentTimeMillis())
                .putInt(1).array();
    }

    private static QuorumPacket revalidate(long sessionId) {
        byte[] data = java.nio.ByteBuffer.allocate(12).putLong(sessionId).putInt(30_000).array();
        return new QuorumPacket(ZabPacketType.REVALIDATE.code(), -1, data, null);
    }

    private static void writeAll(MemoryReplica leader, int count) throws Exception {
        List<CompletableFuture<Void>> writes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            writes.add(leader.write(new byte[] {(byte) i}).toCompletableFuture());
        }
        CompletableFuture.allOf(writes.toArray(new CompletableFuture[0])).get(20, TimeUnit.SECONDS);
    }

    private LearnerRunner startLearner(long sid, MemoryReplica replica, HostPort leader) throws IOException {
        return startLearner(sid, replica, leader, new RecordedMetrics().metrics());
    }

    private LearnerRunner startLearner(long sid, MemoryReplica replica, HostPort leader, ZabMetrics metrics)
            throws IOException {
        LearnerRunner runner = new LearnerRunner(sid, false, replica, 1, leader, PeerSockets.PLAINTEXT,
                PeerAuthenticator.NONE, metrics);
        runAsync(runner::run, "learner-" + sid);
        stops.add(() -> runner.stop("test over"));
        return runner;
    }

    private interface Body {
        String run() throws Exception;
    }

    private static CompletableFuture<String> runAsync(Body body, String name) {
        CompletableFuture<String> end = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                end.complete(body.run());
            } catch (Exception e) {
                end.completeExceptionally(e);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return end;
    }

    private static void await(BooleanSupplier condition, String what) {
        Await.untilTrue(what, Await.DEFAULT_TIMEOUT, condition);
    }

    private static int freePort() {
        return FreePorts.next();
    }
}
