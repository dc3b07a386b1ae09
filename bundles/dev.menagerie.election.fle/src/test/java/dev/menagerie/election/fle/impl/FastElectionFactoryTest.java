package dev.menagerie.election.fle.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.menagerie.api.election.Election;
import dev.menagerie.api.election.PeerState;
import dev.menagerie.api.election.Vote;
import java.lang.annotation.Annotation;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class FastElectionFactoryTest {

    @Test
    void aLoneVoterElectsItselfAndDeactivationFreesThePort() throws Exception {
        LocalCluster cluster = new LocalCluster(1);
        FastElectionFactory factory = new FastElectionFactory(config(2000));

        Election election = factory.create(cluster.context(1));
        Vote vote = election.lookForLeader().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertEquals(1, vote.leaderId());
        assertEquals(PeerState.LEADING, vote.state());

        factory.deactivate();
        int port = cluster.members.get(0).electionAddress().port();
        try (ServerSocket again = new ServerSocket(port)) {
            assertEquals(port, again.getLocalPort());
        }
        assertThrows(IllegalStateException.class, election::lookForLeader);
    }

    @Test
    void aPortInUseFailsTheCreation() throws Exception {
        LocalCluster cluster = new LocalCluster(1);
        int port = cluster.members.get(0).electionAddress().port();
        try (ServerSocket taken = new ServerSocket(port)) {
            FastElectionFactory factory = new FastElectionFactory(config(2000));
            assertThrows(java.io.IOException.class, () -> factory.create(cluster.context(1)));
        }
    }

    @Test
    void aTimeoutOfZeroIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new FastElectionFactory(config(0)));
    }

    private static FastElectionFactory.Config config(int cnxTimeoutMs) {
        return new FastElectionFactory.Config() {
            @Override
            public int cnxTimeout() {
                return cnxTimeoutMs;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return FastElectionFactory.Config.class;
            }
        };
    }
}
