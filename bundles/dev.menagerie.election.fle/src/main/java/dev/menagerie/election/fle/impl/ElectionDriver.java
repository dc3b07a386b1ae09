package dev.menagerie.election.fle.impl;

import dev.menagerie.api.election.ElectionContext;
import dev.menagerie.api.election.PeerState;
import dev.menagerie.api.election.Vote;
import dev.menagerie.election.fle.impl.wire.MalformedMessageException;
import dev.menagerie.election.fle.impl.wire.Notification;
import dev.menagerie.election.fle.impl.wire.NotificationCodec;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that owns a {@link FastLeaderElectionCore}: it feeds it received notifications and round starts
 * in arrival order, ticks it at {@link FastLeaderElectionCore#nextDeadlineMs()}, hands its messages to the network
 * and completes the caller's stage with its decision.
 */
final class ElectionDriver implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ElectionDriver.class);
    /** Apache's RECV_CAPACITY: notifications beyond this many waiting are dropped. */
    static final int RECEIVE_CAPACITY = 100;
    private static final long CLOSE_JOIN_MS = 2000;

    private final FastLeaderElectionCore core;
    private final ElectionContext context;
    private final BiConsumer<Long, byte[]> network;
    private final ScheduledExecutorService thread;
    private final AtomicInteger waiting = new AtomicInteger();
    /** Stages not completed yet, also those whose round never started because we closed first. */
    private final Set<CompletableFuture<Vote>> unfinished = ConcurrentHashMap.newKeySet();
    private CompletableFuture<Vote> round;
    private ScheduledFuture<?> tick;
    private long tickAtMs = Long.MAX_VALUE;
    /** The first failed step: the core's state is unknown from then on, so every round fails with it. */
    private volatile IllegalStateException broken;

    ElectionDriver(FastLeaderElectionCore core, ElectionContext context, BiConsumer<Long, byte[]> network) {
        this.core = core;
        this.context = context;
        this.network = network;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "fle-driver-" + context.myId());
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts a round; a round under way is abandoned and its stage fails with a CancellationException. */
    CompletionStage<Vote> lookForLeader() {
        CompletableFuture<Vote> result = new CompletableFuture<>();
        unfinished.add(result);
        result.whenComplete((vote, failure) -> unfinished.remove(result));
        run(() -> {
            if (broken != null) {
                result.completeExceptionally(broken);
                return;
            }
            if (round != null) {
                round.completeExceptionally(new CancellationException("a new election round started"));
            }
            round = result;
            // Apache's "New election. My id = N, proposed zxid=0x..." line: with the result line below, the log
            // shows which candidate history won.
            LOG.info("Server {} starts an election with zxid 0x{}, epoch {}", context.myId(),
                    Long.toHexString(context.lastLoggedZxid()), context.currentEpoch());
            apply(core.start(nowMs()));
        }, result);
        return result;
    }

    /** A frame's payload from server {@code sid}; called by receive threads. */
    void received(long sid, byte[] payload) {
        Notification n;
        try {
            n = NotificationCodec.decode(payload);
        } catch (MalformedMessageException e) {
            LOG.warn("Skipping a malformed notification from server {}: {}", sid, e.getMessage());
            return;
        }
        if (waiting.incrementAndGet() > RECEIVE_CAPACITY) {
            waiting.decrementAndGet();
            LOG.debug("Notification queue full; dropped one from server {}", sid);
            return;
        }
        run(() -> {
            waiting.decrementAndGet();
            if (broken != null) {
                return;
            }
            followStandingVote();
            apply(core.receive(sid, n, nowMs()));
        }, null);
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            if (!thread.awaitTermination(CLOSE_JOIN_MS, TimeUnit.MILLISECONDS)) {
                LOG.warn("Election driver of server {} did not stop within {} ms", context.myId(), CLOSE_JOIN_MS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (CompletableFuture<Vote> open : unfinished) {
            open.completeExceptionally(new CancellationException("election closed"));
        }
    }

    private void run(Runnable task, CompletableFuture<Vote> failOnReject) {
        try {
            thread.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    fail("step", e);
                }
                scheduleTick();
            });
        } catch (RejectedExecutionException e) {
            if (failOnReject != null) {
                failOnReject.completeExceptionally(new CancellationException("election closed"));
            }
        }
    }

    /**
     * While the peer leads or follows, the vote it answers with is the quorum peer's: the leader may have moved to
     * a new epoch since the round ended (Apache's {@code updateElectionVote}).
     */
    private void followStandingVote() {
        if (core.state() == PeerState.LOOKING) {
            return;
        }
        Vote standing = context.currentVote();
        Vote ours = core.currentVote();
        if (standing != null && ours != null && standing.leaderId() == ours.leaderId()
                && standing.peerEpoch() != ours.peerEpoch()) {
            core.updatePeerEpoch(standing.peerEpoch());
        }
    }

    private void apply(ElectionOutput output) {
        for (Outbound out : output.messages()) {
            network.accept(out.toSid(), NotificationCodec.encode(out.notification()));
        }
        if (output.decided() && round != null) {
            Decision decision = output.decision();
            LOG.info("Server {} elected server {} (zxid 0x{}, epoch {}) and is {}", context.myId(),
                    decision.vote().leaderId(), Long.toHexString(decision.vote().zxid()),
                    decision.vote().peerEpoch(), decision.role());
            round.complete(decision.vote());
            round = null;
        }
    }

    /**
     * A step that throws is a bug that left the core half-updated: skipping it could elect two leaders. The
     * election gives up: the round under way and every later one fail with the cause, and the quorum peer stops
     * the server (fail-stop). On the driver thread.
     */
    private void fail(String what, RuntimeException e) {
        if (broken == null) {
            broken = new IllegalStateException("election " + what + " of server " + context.myId() + " failed: " + e,
                    e);
            LOG.error("{}; this server takes no further part in elections", broken.getMessage());
            LOG.debug("Where the election {} failed", what, e);
        }
        if (round != null) {
            round.completeExceptionally(broken);
            round = null;
        }
    }

    private void scheduleTick() {
        long deadlineMs = core.nextDeadlineMs();
        if (deadlineMs == tickAtMs && tick != null && !tick.isDone()) {
            return;
        }
        if (tick != null) {
            tick.cancel(false);
            tick = null;
        }
        tickAtMs = deadlineMs;
        if (deadlineMs == Long.MAX_VALUE || thread.isShutdown() || broken != null) {
            return;
        }
        long delayMs = Math.max(0, deadlineMs - nowMs());
        try {
            tick = thread.schedule(this::onTick, delayMs, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            tick = null; // closing: no more ticks
        }
    }

    private void onTick() {
        tick = null;
        tickAtMs = Long.MAX_VALUE;
        if (broken != null) {
            return;
        }
        try {
            apply(core.tick(nowMs()));
        } catch (RuntimeException e) {
            fail("tick", e);
        }
        scheduleTick();
    }

    private static long nowMs() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime());
    }
}
