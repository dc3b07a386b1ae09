package dev.menagerie.server.impl.host;

import dev.menagerie.api.metrics.CounterSet;
import dev.menagerie.api.replication.QuorumPeer;
import dev.menagerie.api.replication.QuorumPeerFactory;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the quorum peer once both the server (database loaded, client port open) and a peer factory are there,
 * and closes it when either goes away. The factory may come and go while the server runs: without one the server
 * keeps its database and sessions but serves no client.
 */
final class QuorumPeerHolder {

    /** This holder's key in {@link TransportSlot#SWAPS}. */
    static final String ROLE = "quorum_peer";
    private static final Logger LOG = LoggerFactory.getLogger(QuorumPeerHolder.class);

    private final Runnable onStartFailure;
    private final CounterSet swaps;
    private boolean everBound;
    private QuorumPeerFactory factory;
    private ReplicatedServer server;
    private QuorumPeer peer;

    /**
     * @param onStartFailure runs after a peer failed to start (its settings cannot work): zkServer.sh exits then
     * @param swaps          counts each peer factory bound after the first under {@value #ROLE}: a new quorum
     *                       bundle, or a new election algorithm, which the factory takes as a static reference
     */
    QuorumPeerHolder(Runnable onStartFailure, CounterSet swaps) {
        this.onStartFailure = onStartFailure;
        this.swaps = swaps;
    }

    synchronized void factoryBound(QuorumPeerFactory newFactory) {
        if (newFactory == factory) {
            return;
        }
        if (everBound) {
            swaps.increment(ROLE);
        }
        boolean restart = everBound && server != null;
        everBound = true;
        closePeer();
        factory = newFactory;
        if (restart) {
            LOG.info("Quorum peer restarting with a new quorum peer factory: this member elects again and rejoins"
                    + " the ensemble");
        }
        startPeer();
    }

    synchronized void factoryUnbound(QuorumPeerFactory gone) {
        if (gone != factory) {
            return;
        }
        closePeer();
        factory = null;
        if (server != null) {
            // Also the first half of every election swap (the factory holds the election as a static reference),
            // so no warning: a bundle stopped without replacement is reported where its strategy is unbound.
            LOG.info("Quorum peer stopped: its factory went away (a new election algorithm, or the quorum or"
                    + " election bundle stopped or updated); clients are turned away until a factory is back");
        }
    }

    synchronized void serverReady(ReplicatedServer ready) {
        server = ready;
        startPeer();
    }

    /** The server is stopping: the peer leaves the ensemble first. */
    synchronized void serverGone() {
        closePeer();
        server = null;
    }

    private void startPeer() {
        if (factory == null || server == null || peer != null) {
            return;
        }
        try {
            peer = factory.start(server);
            server.peer(peer);
        } catch (IOException | RuntimeException e) {
            LOG.error("The quorum peer could not start: {}; clients stay turned away", e.getMessage());
            onStartFailure.run();
        }
    }

    private void closePeer() {
        if (peer == null) {
            return;
        }
        try {
            peer.close();
        } catch (RuntimeException e) {
            LOG.warn("Closing the quorum peer failed: {}", e.toString());
        }
        peer = null;
        if (server != null) {
            server.peer(null);
            server.stopServing();
        }
    }
}
