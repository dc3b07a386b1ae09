package dev.menagerie.quorum.impl.zab;

import dev.menagerie.api.quorum.QuorumVerifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A whole simulated ensemble (election and Zab on every peer) and the invariants it must keep: one leader per epoch,
 * serving peers' trees are prefixes of one history, acknowledged writes survive, and a healed ensemble commits again.
 */
final class SimEnsemble {

    static final int TICK_MS = 100;
    /** The runners tick their cores twice per tickTime, with doubled limits. */
    static final long CORE_TICK_MS = TICK_MS / 2;
    static final int INIT_LIMIT_TICKS = 10;
    static final int SYNC_LIMIT_TICKS = 5;
    static final long INIT_LIMIT_MS = (long) INIT_LIMIT_TICKS * TICK_MS;

    /** An ensemble shape: voters 1..voters, then observers. */
    record Layout(int voters, int observers) {
        String name() {
            return voters + " voters" + (observers > 0 ? " + " + observers + " observer" : "");
        }
    }

    final SimWorld world;
    final QuorumVerifier verifier;
    final Layout layout;
    final Map<Long, SimPeer> peers = new TreeMap<>();
    private final Map<Long, Long> leaderByEpoch = new HashMap<>();
    /** The longest tree any serving peer held: every serving tree must be a prefix of it, or extend it. */
    private final List<SimDisk.Txn> history = new ArrayList<>();
    /** Client writes whose commit the leader reported, by body, with the zxid they were committed at. */
    final Map<String, Long> acknowledged = new HashMap<>();
    final SimClients clients;
    private int writes;
    /** How many transactions of the history the acknowledged writes reach into. */
    private int acknowledgedPrefix;

    SimEnsemble(long seed, boolean verbose, Layout layout) {
        this.layout = layout;
        this.world = new SimWorld(seed, verbose, peers);
        world.setLayoutName(layout.name());
        Set<Long> voters = new HashSet<>();
        for (long id = 1; id <= layout.voters() + layout.observers(); id++) {
            boolean voter = id <= layout.voters();
            if (voter) {
                voters.add(id);
            }
            peers.put(id, new SimPeer(id, voter, this));
        }
        this.verifier = sortedMajority(voters);
        this.clients = new SimClients(this);
    }

    /**
     * A majority of {@code voters} whose member set iterates in id order: the election sends to the members in
     * that order, and Set.copyOf's order changes from JVM to JVM, which would make a seed's run unrepeatable.
     */
    private static QuorumVerifier sortedMajority(Set<Long> voters) {
        QuorumVerifier majority = TestVerifiers.majority(voters);
        Set<Long> sorted = Collections.unmodifiableSet(new TreeSet<>(voters));
        return new QuorumVerifier() {
            @Override
            public Set<Long> votingMembers() {
                return sorted;
            }

            @Override
            public long weight(long serverId) {
                return majority.weight(serverId);
            }

            @Override
            public boolean containsQuorum(Set<Long> serverIds) {
                return majority.containsQuorum(serverIds);
            }
        };
    }

    List<Long> ids() {
        return new ArrayList<>(peers.keySet());
    }

    // ---- what roles ask of the ensemble ----

    /** The leader role of {@code leaderId} if {@code fromId} can connect to it now. */
    SimLeader listeningLeader(long leaderId, long fromId) {
        SimPeer leader = peers.get(leaderId);
        if (leader == null || !world.connected(leaderId, fromId) || leader.leading == null
                || !leader.leading.listening()) {
            return null;
        }
        return leader.leading;
    }

    /** Invariant 1: at most one leader per epoch. */
    void leaderStartsServing(SimPeer leader, long epoch) {
        world.note("peer " + leader.id + " leads epoch " + epoch + " from 0x" + Long.toHexString(leader.lastZxid()));
        Long earlier = leaderByEpoch.putIfAbsent(epoch, leader.id);
        world.check(earlier == null, "peers " + earlier + " and " + leader.id + " both lead epoch " + epoch);
        leader.checkedPrefix = 0;
        checkServingTree(leader);
        world.check(leader.tree.size() >= acknowledgedPrefix, "peer " + leader.id + " leads epoch " + epoch
                + " with " + leader.tree.size() + " transactions, missing acknowledged writes of the first "
                + acknowledgedPrefix);
    }

    int epochsEstablished() {
        return leaderByEpoch.size();
    }

    /** Invariant 2: a serving peer's tree is a prefix of the one committed history (or extends it). */
    void checkServingTree(SimPeer peer) {
        List<SimDisk.Txn> tree = peer.tree;
        for (int i = peer.checkedPrefix; i < tree.size(); i++) {
            if (i < history.size()) {
                if (!history.get(i).equals(tree.get(i))) {
                    world.fail("serving peer " + peer.id + " holds " + tree.get(i) + " at position " + i
                            + " where the committed history holds " + history.get(i));
                }
            } else {
                history.add(tree.get(i));
            }
        }
        peer.checkedPrefix = tree.size();
    }

    /** A commit reported to a client: from now on every new leader must start from a tree that holds it. */
    void acknowledged(SimPeer leader, SimDisk.Txn txn) {
        acknowledgedPrefix = Math.max(acknowledgedPrefix, leader.tree.size());
        Long earlier = acknowledged.putIfAbsent(txn.body(), txn.zxid());
        world.check(earlier == null || earlier == txn.zxid(), txn.body() + " acknowledged at 0x"
                + Long.toHexString(earlier == null ? 0 : earlier) + " and again at 0x" + Long.toHexString(txn.zxid()));
    }

    // ---- clients ----

    /** A client write to a serving leader (one at random if a stale one still thinks it serves); null if none. */
    String submitWrite() {
        List<SimReplica> leaders = new ArrayList<>();
        for (SimPeer peer : peers.values()) {
            if (peer.up && peer.leading != null && peer.replica.servingAsLeader()) {
                leaders.add(peer.replica);
            }
        }
        if (leaders.isEmpty()) {
            return null;
        }
        String body = "w" + (++writes);
        leaders.get(world.random.nextInt(leaders.size())).write(body);
        return body;
    }

    /** Clients keep writing, one write at most every {@code maxIntervalMs}, until {@code untilMs}. */
    void clientsWriteUntil(long untilMs, int maxIntervalMs) {
        long nextMs = world.now() + 1 + world.random.nextInt(maxIntervalMs);
        if (nextMs < untilMs) {
            world.at(nextMs, () -> {
                submitWrite();
                clientsWriteUntil(untilMs, maxIntervalMs);
            });
        }
    }

    // ---- the settled ensemble ----

    /** The serving leader every up peer serves under, with every tree equal and nothing outstanding; else null. */
    SimPeer settledLeader() {
        SimPeer leader = null;
        for (SimPeer peer : peers.values()) {
            if (!peer.up || !peer.serving()) {
                return null;
            }
            if (peer.leading != null) {
                if (leader != null) {
                    return null;
                }
                leader = peer;
            }
        }
        if (leader == null || !leader.replica.everythingCommitted()) {
            return null;
        }
        for (SimPeer peer : peers.values()) {
            if (peer.leading == null && (peer.learning.leaderId != leader.id || !peer.tree.equals(leader.tree))) {
                return null;
            }
        }
        return leader;
    }

    /** Invariant 3: every peer's tree holds every acknowledged write, at the zxid it was acknowledged at. */
    void checkNoAcknowledgedWriteLost() {
        for (SimPeer peer : peers.values()) {
            Map<String, Long> zxidByBody = new HashMap<>();
            for (SimDisk.Txn txn : peer.tree) {
                zxidByBody.put(txn.body(), txn.zxid());
            }
            for (Map.Entry<String, Long> write : acknowledged.entrySet()) {
                Long zxid = zxidByBody.get(write.getKey());
                world.check(zxid != null && zxid.equals(write.getValue()), "peer " + peer.id + " lost the acknowledged "
                        + "write " + write.getKey() + " (0x" + Long.toHexString(write.getValue()) + ")");
            }
        }
    }
}
