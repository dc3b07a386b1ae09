package dev.menagerie.quorum.impl.peer;

import dev.menagerie.api.config.StrategyTargets;
import dev.menagerie.api.election.ElectionFactory;
import dev.menagerie.api.metrics.MetricsRegistry;
import dev.menagerie.api.quorum.QuorumVerifier;
import dev.menagerie.api.replication.QuorumPeer;
import dev.menagerie.api.replication.QuorumPeerFactory;
import dev.menagerie.api.replication.Replica;
import dev.menagerie.api.status.LeadershipTransfer;
import dev.menagerie.api.status.LearnerConnection;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import dev.menagerie.quorum.impl.zab.ZabMetrics;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Zab quorum peers over the election algorithm and quorum verifier zoo.cfg selects. The election reference is
 * static: a new algorithm means a new peer, which the server gets by seeing this service go and come. The verifier
 * is optional, because a standalone server has none (and this component must not look broken there); a peer waits
 * on its own thread for one to be active, then keeps it.
 */
@Component(service = QuorumPeerFactory.class, property = QuorumPeerFactory.TYPE + "=zab",
        configurationPid = StrategyTargets.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
public final class ZabPeerFactory implements QuorumPeerFactory {

    private final ElectionFactory elections;
    private final ZabMetrics metrics;
    private volatile QuorumVerifier verifier;
    private final Set<ZabPeer> running = ConcurrentHashMap.newKeySet();

    @Activate
    public ZabPeerFactory(@Reference(name = StrategyTargets.ELECTION) ElectionFactory elections,
            @Reference(name = "metrics") MetricsRegistry metrics) {
        this.elections = elections;
        this.metrics = new ZabMetrics(metrics);
    }

    @Reference(name = "activeVerifier", cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindVerifier(QuorumVerifier bound) {
        verifier = bound;
    }

    void unbindVerifier(QuorumVerifier gone) {
        if (verifier == gone) {
            verifier = null;
        }
    }

    @Override
    public QuorumPeer start(Replica replica) throws IOException {
        ZabPeer peer = new ZabPeer(replica, elections, () -> verifier, metrics);
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
            public java.util.Map<String, Object> monitorValues() {
                return peer.monitorValues();
            }

            @Override
            public String zabState() {
                return peer.zabState();
            }

            @Override
            public long electionTimeTakenMs() {
                return peer.electionTimeTakenMs();
            }

            @Override
            public List<LearnerConnection> learnerConnections() {
                return peer.learnerConnections();
            }

            @Override
            public boolean terminateLearnerConnection(long sid) {
                return peer.terminateLearnerConnection(sid);
            }

            @Override
            public CompletionStage<LeadershipTransfer> transferLeadership(long targetSid) {
                return peer.transferLeadership(targetSid);
            }

            @Override
            public void close() {
                running.remove(peer);
                peer.close();
            }
        };
    }

    /**
     * Keeps the running peers through a change of the strategy choices that leaves this factory's election target
     * as it was (a client transport swap, a new zoo.cfg revision). Without a modified method Declarative Services
     * would deactivate the factory on every such change, ending each peer: the ensemble would elect again because
     * a member changed its client transport. A new election target still replaces the static reference, and with
     * it this factory and its peers.
     */
    @Modified
    void strategiesChanged() {
        // nothing to apply: the election reference and the verifier are rebound by the runtime when they change
    }

    @Deactivate
    void deactivate() {
        running.forEach(ZabPeer::close);
        running.clear();
    }
}
