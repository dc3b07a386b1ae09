package dev.menagerie.server.impl.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.api.election.PeerState;
import dev.menagerie.api.replication.QuorumPeer;
import dev.menagerie.api.replication.QuorumPeerFactory;
import dev.menagerie.api.replication.Replica;
import dev.menagerie.testing.LogLines;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuorumPeerHolderTest {

    @TempDir
    Path dir;

    /** Starts peers that take the leader role at once, as an ensemble of one would. */
    private static final class LeadingFactory implements QuorumPeerFactory {
        final List<LeadingPeer> started = new ArrayList<>();

        @Override
        public QuorumPeer start(Replica replica) {
            replica.serveAsLeader(replica.lastProcessedZxid(), new FakeProposer());
            LeadingPeer peer = new LeadingPeer(replica);
            started.add(peer);
            return peer;
        }
    }

    private static final class LeadingPeer implements QuorumPeer {
        final Replica replica;
        boolean closed;

        LeadingPeer(Replica replica) {
            this.replica = replica;
        }

        @Override
        public PeerState state() {
            return closed ? PeerState.LOOKING : PeerState.LEADING;
        }

        @Override
        public long leaderId() {
            return 1;
        }

        @Override
        public java.util.Map<String, Object> monitorValues() {
            return java.util.Map.of();
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void thePeerStartsOnceServerAndFactoryAreThereAndStopsWhenTheFactoryGoes() throws Exception {
        List<String> swaps = new ArrayList<>();
        QuorumPeerHolder holder = new QuorumPeerHolder(() -> { }, (role, delta) -> swaps.add(role));
        LeadingFactory factory = new LeadingFactory();
        try (ReplicaFixture fixture = new ReplicaFixture(dir, 1); LogLines log = new LogLines()) {
            holder.factoryBound(factory);
            assertTrue(factory.started.isEmpty(), "a peer started before the database was loaded");

            holder.serverReady(fixture.replica);
            assertEquals(1, factory.started.size());
            assertSame(fixture.replica, factory.started.get(0).replica);
            assertTrue(fixture.server().serving());
            assertEquals("leader", fixture.server().mode());

            holder.factoryUnbound(factory);
            assertTrue(factory.started.get(0).closed);
            assertFalse(fixture.server().serving(), "clients are still served without a quorum peer");
            assertEquals(1, log.containing("Quorum peer stopped: its factory went away").size(),
                    () -> "log: " + log.containing(""));

            assertEquals(List.of(), swaps, "binding the first factory is no swap");
            LeadingFactory replacement = new LeadingFactory();
            holder.factoryBound(replacement);
            assertEquals(1, replacement.started.size());
            assertEquals(List.of("quorum_peer"), swaps, "a new factory after the first counts as a swap");
            String restart = log.await("Quorum peer restarting with a new quorum peer factory", Duration.ofSeconds(5));
            assertTrue(restart.contains("INFO"), restart);
            assertEquals(List.of(), log.containing("WARN"), "an election swap is no warning");
            holder.serverGone();
            assertTrue(replacement.started.get(0).closed);
        }
    }

    @Test
    void aPeerThatCannotStartIsReportedSoThatTheProcessCanStop() throws Exception {
        List<String> failures = new ArrayList<>();
        QuorumPeerHolder holder = new QuorumPeerHolder(() -> failures.add("failed"), (role, delta) -> { });
        QuorumPeerFactory refusing = replica -> {
            throw new java.io.IOException("quorum TLS: cannot read ssl.quorum.keyStore.location /missing.p12");
        };
        try (ReplicaFixture fixture = new ReplicaFixture(dir, 1)) {
            holder.factoryBound(refusing);
            holder.serverReady(fixture.replica);
            assertEquals(List.of("failed"), failures);
            assertFalse(fixture.server().serving(), "clients stay turned away");
        }
    }
}
