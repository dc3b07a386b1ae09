package dev.menagerie.quorum.impl.zab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.api.storage.LogEntry;
import dev.menagerie.api.storage.StorageFailedException;
import dev.menagerie.protocol.OpCode;
import dev.menagerie.protocol.quorum.QuorumPacket;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** The effects dispatchers over hand-driven seams: what a server and a leader see of each output. */
class EffectsTest {

    private static final long LEADER = 1;
    private static final long FOLLOWER = 2;

    /** Runs posted events when the test says so, as the role's thread would. */
    private static final class ManualLoop implements EventLoop {
        final ArrayDeque<Runnable> events = new ArrayDeque<>();
        String endReason;

        @Override
        public void post(Runnable event) {
            events.add(event);
        }

        @Override
        public void postCompletion(Runnable completion) {
            events.add(completion);
        }

        @Override
        public void finish(String reason) {
            if (endReason == null) {
                endReason = reason;
            }
        }

        @Override
        public boolean finished() {
            return endReason != null;
        }

        @Override
        public long nowMs() {
            return 0;
        }

        void runAll() {
            Runnable event;
            while ((event = events.poll()) != null && !finished()) {
                event.run();
            }
        }
    }

    private final ManualLoop loop = new ManualLoop();
    private final List<String> sent = new ArrayList<>();

    @Test
    void aCommitCompletesTheFutureProposeReturnedOnceAQuorumLoggedIt() throws Exception {
        MemoryReplica replica = new MemoryReplica(100, 10, 5);
        LeaderEffects effects = leaderWithFollowerInDiscovery(replica);
        effects.receive(FOLLOWER, packet(ZabPacketType.ACK, Zxids.of(1, 0), null));
        assertTrue(effects.isServing() && replica.serving(), "the server was handed the proposer");

        long zxid = Zxids.of(1, 1);
        CompletableFuture<Void> durable = new CompletableFuture<>();
        CompletionStage<Void> committed = effects.propose(new LogEntry(zxid, new byte[] {7}), durable);
        loop.runAll();
        assertTrue(sent.contains(FOLLOWER + " PROPOSAL " + zxid), sent.toString());
        effects.receive(FOLLOWER, packet(ZabPacketType.ACK, zxid, null));
        assertFalse(committed.toCompletableFuture().isDone(), "the leader's own log write still counts");
        durable.complete(null);
        loop.runAll();
        assertTrue(committed.toCompletableFuture().isDone(), "committed with the leader's and the follower's ack");
        assertTrue(sent.contains(FOLLOWER + " COMMIT " + zxid), sent.toString());
    }

    @Test
    void aLearnersForwardedWriteIsProposedOnlyOnceTheLeaderServesAndItsSyncIsAnswered() throws Exception {
        MemoryReplica replica = new MemoryReplica(100, 10, 5);
        LeaderEffects effects = leaderWithFollowerInDiscovery(replica);
        effects.requestFromLearner(FOLLOWER, request(OpCode.SET_DATA));
        loop.runAll();
        assertFalse(sent.stream().anyMatch(s -> s.contains("PROPOSAL")), "proposed before serving: " + sent);

        effects.receive(FOLLOWER, packet(ZabPacketType.ACK, Zxids.of(1, 0), null));
        effects.requestFromLearner(FOLLOWER, request(OpCode.SET_DATA));
        loop.runAll();
        assertTrue(sent.contains(FOLLOWER + " PROPOSAL " + Zxids.of(1, 1)), sent.toString());
        effects.requestFromLearner(FOLLOWER, request(OpCode.SYNC));
        loop.runAll();
        effects.receive(FOLLOWER, packet(ZabPacketType.ACK, Zxids.of(1, 1), null));
        loop.runAll();
        assertEquals(FOLLOWER + " SYNC 0", sent.get(sent.size() - 1), "the sync is answered after the commit");

        IOException malformed = assertThrows(IOException.class,
                () -> effects.requestFromLearner(FOLLOWER, packet(ZabPacketType.REQUEST, -1, new byte[4])));
        assertEquals("learner 2 sent a REQUEST without a request header", malformed.getMessage());
    }

    /** A learner's REQUEST as LearnerEffects forwards it: session id, cxid, type, then the request's bytes. */
    private static QuorumPacket request(int type) {
        byte[] data = ByteBuffer.allocate(20).putLong(7).putInt(1).putInt(type).putInt(42).array();
        return packet(ZabPacketType.REQUEST, -1, data);
    }

    @Test
    void aLeaderWhoseLogCannotBeWrittenStopsTheServerButAFullDiskOnlyEndsTheRole() {
        MemoryReplica full = new MemoryReplica(100, 10, 5);
        proposeAndFailTheLocalWrite(full, new IOException("No space left on device"));
        assertTrue(loop.endReason.startsWith("the leader could not log 0x100000001: "), loop.endReason);
        assertEquals(null, full.failStopped, "a full disk stopped the server");

        loop.endReason = null;
        MemoryReplica broken = new MemoryReplica(100, 10, 5);
        proposeAndFailTheLocalWrite(broken, new StorageFailedException("fsync failed", new IOException("EIO")));
        assertEquals("the transaction log cannot be written: " + StorageFailedException.class.getName()
                + ": fsync failed", broken.failStopped);
    }

    private void proposeAndFailTheLocalWrite(MemoryReplica replica, IOException failure) {
        LeaderEffects effects = leader(replica, Set.of(LEADER));
        CompletableFuture<Void> durable = new CompletableFuture<>();
        CompletionStage<Void> committed = effects.propose(new LogEntry(Zxids.of(1, 1), new byte[] {7}), durable);
        loop.runAll();
        durable.completeExceptionally(failure);
        loop.runAll();
        effects.shutdown();
        assertTrue(committed.toCompletableFuture().isCompletedExceptionally());
    }

    @Test
    void proposalsStillWaitingFailWhenTheLeadershipEnds() {
        MemoryReplica replica = new MemoryReplica(100, 10, 5);
        LeaderEffects effects = leader(replica, Set.of(LEADER));
        assertTrue(effects.isServing(), "a one-voter ensemble serves at once");
        CompletionStage<Void> committed = effects.propose(new LogEntry(Zxids.of(1, 1), new byte[] {7}),
                new CompletableFuture<>());
        loop.runAll();
        effects.shutdown();
        assertTrue(committed.toCompletableFuture().isCompletedExceptionally());
        loop.finish("test over");
        assertTrue(effects.propose(new LogEntry(Zxids.of(1, 2), new byte[] {8}), new CompletableFuture<>())
                .toCompletableFuture().isCompletedExceptionally(), "refused at once once the role finished");
    }

    @Test
    void aLearnerPersistsTheNewEpochBeforeItsAckEpochGoesOut() throws Exception {
        MemoryReplica replica = new MemoryReplica(100, 10, 5);
        List<String> atSend = new ArrayList<>();
        LeaderLink link = packet -> atSend.add(ZabPacketType.fromCode(packet.type()) + " with accepted epoch "
                + acceptedEpoch(replica));
        LearnerEffects effects = new LearnerEffects(LearnerEffects.newCore(FOLLOWER, LearnerRole.FOLLOWER, replica),
                LEADER, replica, link, loop, new RecordedMetrics().metrics());
        effects.start();
        effects.receive(packet(ZabPacketType.LEADERINFO, Zxids.of(3, 0), null));
        assertEquals(List.of("FOLLOWERINFO with accepted epoch 0", "ACKEPOCH with accepted epoch 3"), atSend);
    }

    @Test
    void aSyncWaitsUntilTheWriteCommittedBeforeItIsAppliedEvenIfItsLogWriteIsSlow() throws Exception {
        MemoryReplica replica = new MemoryReplica(100, 10, 5);
        LearnerEffects effects = new LearnerEffects(LearnerEffects.newCore(FOLLOWER, LearnerRole.FOLLOWER, replica),
                LEADER, replica, packet -> { }, loop, new RecordedMetrics().metrics());
        effects.start();
        effects.receive(packet(ZabPacketType.LEADERINFO, Zxids.of(3, 0), null));
        loop.runAll();
        effects.receive(packet(ZabPacketType.DIFF, 0, null));
        effects.receive(packet(ZabPacketType.NEWLEADER, Zxids.of(3, 0), null));
        loop.runAll();
        effects.receive(packet(ZabPacketType.UPTODATE, 0, null));
        loop.runAll();
        assertTrue(effects.isServing(), "serving after UPTODATE");

        long zxid = Zxids.of(3, 1);
        CompletableFuture<Void> sync = effects.sync().toCompletableFuture();
        effects.receive(packet(ZabPacketType.PROPOSAL, zxid, new byte[] {7}));
        effects.receive(packet(ZabPacketType.COMMIT, zxid, null));
        effects.receive(packet(ZabPacketType.SYNC, 0, null));
        assertFalse(sync.isDone(), "the sync was answered while the write committed before it is not applied yet");
        loop.runAll();
        assertTrue(sync.isDone() && !sync.isCompletedExceptionally(), "answered once the write is logged and applied");
    }

    /** A leader of two voters whose follower registered and acknowledged the epoch; its NEWLEADER ack is next. */
    private LeaderEffects leaderWithFollowerInDiscovery(MemoryReplica replica) {
        LeaderEffects effects = leader(replica, Set.of(LEADER, FOLLOWER));
        effects.learnerConnected(new LearnerRegistration.Info(FOLLOWER, LearnerRole.FOLLOWER, 0), false);
        effects.receive(FOLLOWER, packet(ZabPacketType.ACKEPOCH, 0, new byte[] {0, 0, 0, 0}));
        return effects;
    }

    private LeaderEffects leader(MemoryReplica replica, Set<Long> voters) {
        LearnerLinks links = new LearnerLinks() {
            @Override
            public void send(long sid, QuorumPacket packet) {
                sent.add(sid + " " + ZabPacketType.fromCode(packet.type()) + " " + packet.zxid());
            }

            @Override
            public void sendSnapshot(long sid, long zxid) {
                sent.add(sid + " SNAP " + zxid);
            }

            @Override
            public void close(long sid) {
                sent.add(sid + " closed");
            }
        };
        try {
            LeaderEffects effects = new LeaderEffects(LEADER, LeaderEffects.newCore(LEADER,
                    TestVerifiers.majority(voters), replica), replica, links, loop, new RecordedMetrics().metrics());
            effects.start();
            return effects;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static long acceptedEpoch(MemoryReplica replica) {
        try {
            return replica.storage().acceptedEpoch();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static QuorumPacket packet(ZabPacketType type, long zxid, byte[] data) {
        return new QuorumPacket(type.code(), zxid, data, null);
    }
}
