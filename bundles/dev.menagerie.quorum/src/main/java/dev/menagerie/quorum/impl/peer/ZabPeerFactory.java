package dev.menagerie.quorum.impl.peer;

import dev.menagerie.api.config.StrategyTargets;
import dev.menagerie.api.election.ElectionFactory;
import dev.menagerie.api.quorum.QuorumVerifier;
import dev.menagerie.api.replication.QuorumPeer;
import dev.menagerie.api.replication.QuorumPeerFactory;
import dev.menagerie.api.replication.Replica;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Zab quorum peers over the election algorithm and quorum verifier zoo.cfg selects. Both references are static: a
 * new election algorithm or verifier means a new peer, which the server gets by seeing this service go and come.
 */
@Component(service = QuorumPeerFactory.class, property = QuorumPeerFactory.TYPE + "=zab",
        configurationPid = StrategyTargets.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
public final class ZabPeerFactory implements QuorumPeerFactory {

    private final ElectionFactory elections;
    private final QuorumVerifier verifier;
    private final Set<ZabPeer> running = ConcurrentHashMap.newKeySet();

    @Activate
    public ZabPeerFactory(@Reference(name = StrategyTargets.ELECTION) ElectionFactory elections,
            @Reference(name = "activeVerifier") QuorumVerifier verifier) {
        this.elections = elections;
        this.verifier = verifier;
    }

    @Override
    public QuorumPeer start(Replica replica) throws IOException {
        ZabPeer peer = new ZabPeer(replica, elections, verifier);
        peer.start();
        running.add(peer);
        return new QuorumPeer() {
            @Override
            public dev.menagerie.api.election.PeerState state() {
                return peer.state();
            }

            @Override
            public long leaderId() {
                return peer.leaderId();
            }

            @Override
            public void close() {
                running.remove(peer);
                peer.close();
            }
        };
    }

    @Deactivate
    void deactivate() {
        running.forEach(ZabPeer::close);
        running.clear();
    }
}
