package dev.menagerie.server.impl.host;

import static dev.menagerie.server.impl.host.ReplicaFixture.create;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.protocol.OpCode;
import dev.menagerie.server.impl.core.ZooKeeperServer;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A leader whose quorum stalls: its queues fill up to their bound, then clients are refused, not forgotten. */
class LeaderBackpressureTest {

    @TempDir
    Path dir;

    @Test
    void aClientBeyondTheQueueBoundLosesItsConnectionAndEveryAcceptedWriteIsAnswered() throws Exception {
        try (ReplicaFixture leader = new ReplicaFixture(dir, 1)) {
            FakeProposer proposer = new FakeProposer();
            leader.replica.serveAsLeader(leader.replica.lastProcessedZxid(), proposer);
            ZooKeeperServer server = leader.server();
            RecordingLink client = leader.connect();
            proposer.commitNext();
            assertTrue(client.awaitEstablished());

            // The quorum does not answer: prep and commit each hold at most the bound, so some of these are refused.
            int capacity = server.settings().requestQueueCapacity();
            for (int i = 0; i < 2 * capacity + 10; i++) {
                leader.send(client, i + 1, OpCode.CREATE, create("/n" + i, ""));
            }
            client.closed.get(10, TimeUnit.SECONDS);
            assertTrue(server.queuedRequests() <= 2 * capacity, "the queues grew past their bound");

            int acknowledged = acknowledgeUntilIdle(proposer, server);
            assertTrue(acknowledged >= capacity, "only " + acknowledged + " writes were accepted");
            assertEquals(acknowledged, client.replies.size(), "an accepted write went unanswered");
            assertEquals(0, server.admission().outstanding(), "answered requests still count as outstanding");
            assertFalse(server.admission().overloaded());
        }
    }

    /** Lets the quorum acknowledge every proposal until nothing is queued; returns how many it acknowledged. */
    private static int acknowledgeUntilIdle(FakeProposer proposer, ZooKeeperServer server) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        int acknowledged = 0;
        while (System.nanoTime() < deadline) {
            FakeProposer.Proposal proposal = proposer.proposals.poll(100, TimeUnit.MILLISECONDS);
            if (proposal != null) {
                proposal.quorum().complete(null);
                acknowledged++;
            } else if (server.queuedRequests() == 0 && server.admission().outstanding() == 0) {
                return acknowledged;
            }
        }
        throw new AssertionError("the pipeline did not drain within 30 s; " + acknowledged + " acknowledged");
    }
}
