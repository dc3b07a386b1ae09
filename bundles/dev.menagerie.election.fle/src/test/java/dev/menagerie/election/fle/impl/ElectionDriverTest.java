package dev.menagerie.election.fle.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.api.election.Vote;
import dev.menagerie.testing.LogLines;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A failed election step is not skipped: the election gives up and says why, so the quorum peer can stop. */
class ElectionDriverTest {

    @Test
    void aFailedStepFailsThisRoundAndEveryLaterOne() throws Exception {
        LocalCluster cluster = new LocalCluster(3);
        FakeContext context = cluster.contexts.get(1L);
        FastLeaderElectionCore core = new FastLeaderElectionCore(ElectionSettings.withDefaultTiming(1, true,
                cluster.verifier, ConfigText.of(cluster.members)), new FastElectionTestHistory());
        AtomicInteger sends = new AtomicInteger();
        try (LogLines log = new LogLines();
                ElectionDriver driver = new ElectionDriver(core, context, (sid, payload) -> {
                    sends.incrementAndGet();
                    throw new IllegalStateException("the notification encoder broke");
                })) {
            CompletableFuture<Vote> round = driver.lookForLeader().toCompletableFuture();
            ExecutionException failed = assertThrows(ExecutionException.class, () -> round.get(10, TimeUnit.SECONDS));
            assertInstanceOf(IllegalStateException.class, failed.getCause());
            assertTrue(failed.getCause().getMessage().startsWith("election step of server 1 failed: "
                    + "java.lang.IllegalStateException: the notification encoder broke"), failed.getCause().getMessage());
            String line = log.await("election step of server 1 failed", Duration.ofSeconds(10));
            assertTrue(line.contains("ERROR") && line.endsWith("this server takes no further part in elections"), line);

            CompletableFuture<Vote> next = driver.lookForLeader().toCompletableFuture();
            ExecutionException again = assertThrows(ExecutionException.class, () -> next.get(10, TimeUnit.SECONDS));
            assertSame(failed.getCause(), again.getCause(), "a later round ran on the broken state");
            assertEquals(1, sends.get(), "the driver went on sending after the failure");
            assertEquals(1, log.containing("election step of server 1 failed").size());
        }
    }

    @Test
    void aRoundLogsTheHistoryItStartsWithAndTheHistoryThatWon() throws Exception {
        LocalCluster cluster = new LocalCluster(1);
        FakeContext context = cluster.contexts.get(1L);
        context.lastLoggedZxid = 0x300000007L;
        context.currentEpoch = 3;
        PeerHistory history = new PeerHistory() {
            @Override
            public long currentEpoch() {
                return context.currentEpoch;
            }

            @Override
            public long lastLoggedZxid() {
                return context.lastLoggedZxid;
            }
        };
        FastLeaderElectionCore core = new FastLeaderElectionCore(ElectionSettings.withDefaultTiming(1, true,
                cluster.verifier, ConfigText.of(cluster.members)), history);
        try (LogLines log = new LogLines();
                ElectionDriver driver = new ElectionDriver(core, context, (sid, payload) -> { })) {
            Vote vote = driver.lookForLeader().toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertEquals(1, vote.leaderId());
            String start = log.await("starts an election", Duration.ofSeconds(10));
            assertTrue(start.endsWith("Server 1 starts an election with zxid 0x300000007, epoch 3"), start);
            String result = log.await("elected server", Duration.ofSeconds(10));
            assertTrue(result.contains("Server 1 elected server 1 (zxid 0x300000007, epoch 3)"), result);
        }
    }

    /** Epoch 1, nothing logged. */
    private static final class FastElectionTestHistory implements PeerHistory {
        @Override
        public long currentEpoch() {
            return 1;
        }

        @Override
        public long lastLoggedZxid() {
            return 0;
        }
    }
}
