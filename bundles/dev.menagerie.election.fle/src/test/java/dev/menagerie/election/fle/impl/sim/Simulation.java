package dev.menagerie.election.fle.impl.sim;

import dev.menagerie.api.election.PeerState;
import dev.menagerie.api.election.Vote;
import dev.menagerie.election.fle.impl.Decision;
import dev.menagerie.election.fle.impl.ElectionOutput;
import dev.menagerie.election.fle.impl.ElectionSettings;
import dev.menagerie.election.fle.impl.FastLeaderElectionCore;
import dev.menagerie.election.fle.impl.Outbound;
import dev.menagerie.election.fle.impl.PeerHistory;
import dev.menagerie.election.fle.impl.wire.Notification;
import dev.menagerie.election.fle.spi.TieBreak;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongFunction;

/**
 * A whole ensemble of election cores on a fake clock and a {@link SimNetwork}, all driven by one seeded Random.
 * A crude stand-in for Zab decides what follows a decision: a leader that gathers a quorum of followers
 * establishes a new epoch (and logs transactions that followers copy, some lagging); a leader without a quorum,
 * or a follower whose leader is gone, starts a new round, as real peers do when syncing fails.
 */
final class Simulation {

    static final long ZAB_CHECK_INTERVAL_MS = 200;
    static final long LEADER_GRACE_MS = 1000;
    static final long FOLLOWER_GRACE_MS = 1500;

    /** One peer: its log facts, its election core, and what Zab made of its last decision. */
    final class Node implements PeerHistory {
        final long id;
        long epoch;
        long zxid;
        boolean up;
        int incarnation;
        FastLeaderElectionCore core;
        long decidedAtMs;
        boolean established;
        long tickAtMs = Long.MAX_VALUE;
        final List<Decision> decisions = new ArrayList<>();

        Node(long id) {
            this.id = id;
        }

        @Override
        public long currentEpoch() {
            return epoch;
        }

        @Override
        public long lastLoggedZxid() {
            return zxid;
        }

        PeerState state() {
            return up ? core.state() : null;
        }
    }

    private record Event(long atMs, long sequence, Runnable action) {
    }

    final long seed;
    final Random random;
    final Layout layout;
    final SimNetwork network;
    final Map<Long, Node> nodes = new TreeMap<>();
    final LongFunction<TieBreak> tieBreakOf;
    private final Map<Long, long[]> initialEpochAndZxid = new TreeMap<>();
    private final PriorityQueue<Event> events = new PriorityQueue<>(
            (a, b) -> a.atMs != b.atMs ? Long.compare(a.atMs, b.atMs) : Long.compare(a.sequence, b.sequence));
    private long nowMs;
    private long sequence;

    Simulation(long seed, SimNetwork.Faults faults) {
        this(seed, faults, id -> TieBreak.SERVER_ID);
    }

    /** As above; {@code tieBreakOf} says how each peer orders equally up-to-date candidates. */
    Simulation(long seed, SimNetwork.Faults faults, LongFunction<TieBreak> tieBreakOf) {
        this.seed = seed;
        this.tieBreakOf = tieBreakOf;
        this.random = new Random(seed);
        this.layout = Layout.forSeed(seed);
        this.network = new SimNetwork(this, random, faults);
        for (long id : layout.ids()) {
            Node node = new Node(id);
            node.epoch = random.nextInt(3);
            node.zxid = (node.epoch << 32) | random.nextInt(4);
            nodes.put(id, node);
            initialEpochAndZxid.put(id, new long[] {node.epoch, node.zxid});
        }
        at(ZAB_CHECK_INTERVAL_MS, this::zabCheck);
    }

    /** Replaces the log a peer starts with (before it boots): epoch and last zxid. */
    void setHistory(long id, long epoch, long zxid) {
        Node node = nodes.get(id);
        node.epoch = epoch;
        node.zxid = zxid;
        initialEpochAndZxid.put(id, new long[] {epoch, zxid});
    }

    long initialEpoch(long id) {
        return initialEpochAndZxid.get(id)[0];
    }

    long initialZxid(long id) {
        return initialEpochAndZxid.get(id)[1];
    }

    long now() {
        return nowMs;
    }

    List<Long> ids() {
        return layout.ids();
    }

    boolean isUp(long id) {
        return nodes.get(id).up;
    }

    int incarnation(long id) {
        return nodes.get(id).incarnation;
    }

    void at(long atMs, Runnable action) {
        events.add(new Event(atMs, sequence++, action));
    }

    void runUntil(long endMs) {
        while (!events.isEmpty() && events.peek().atMs <= endMs) {
            Event event = events.poll();
            nowMs = event.atMs;
            event.action.run();
        }
        nowMs = endMs;
    }

    /** Boots (or reboots, with a fresh core and logical clock 0) a peer and starts its first round. */
    void boot(long id) {
        Node node = nodes.get(id);
        node.up = true;
        node.incarnation++;
        node.established = false;
        node.tickAtMs = Long.MAX_VALUE;
        boolean participant = layout.participants().contains(id);
        node.core = new FastLeaderElectionCore(
                ElectionSettings.withDefaultTiming(id, participant, layout.verifier(), "version=0"), node,
                tieBreakOf.apply(id));
        apply(node, node.core.start(nowMs));
        network.resendLastMessages();
    }

    void crash(long id) {
        nodes.get(id).up = false;
    }

    void deliver(long from, long to, Notification n) {
        Node node = nodes.get(to);
        apply(node, node.core.receive(from, n, nowMs));
    }

    private void apply(Node node, ElectionOutput output) {
        for (Outbound message : output.messages()) {
            network.send(node.id, message.toSid(), message.notification());
        }
        if (output.decided()) {
            onDecision(node, output.decision());
        }
        scheduleTick(node);
    }

    private void scheduleTick(Node node) {
        long deadline = node.core.nextDeadlineMs();
        if (deadline == Long.MAX_VALUE || deadline >= node.tickAtMs) {
            return;
        }
        node.tickAtMs = deadline;
        int incarnation = node.incarnation;
        at(deadline, () -> {
            if (node.up && node.incarnation == incarnation && node.tickAtMs == deadline) {
                node.tickAtMs = Long.MAX_VALUE;
                apply(node, node.core.tick(nowMs));
            }
        });
    }

    private void onDecision(Node node, Decision decision) {
        Vote vote = decision.vote();
        check(vote.state() == decision.role(), node, "vote state " + vote.state() + " but role " + decision.role());
        check(layout.isVoter(vote.leaderId()), node, "elected " + vote.leaderId() + ", who has no vote");
        check(layout.verifier().containsQuorum(decision.supporters()), node, "supporters " + decision.supporters()
                + " are no quorum");
        PeerState expected = vote.leaderId() == node.id ? PeerState.LEADING
                : layout.participants().contains(node.id) ? PeerState.FOLLOWING : PeerState.OBSERVING;
        check(decision.role() == expected, node, "took role " + decision.role() + " for leader " + vote.leaderId());
        node.decisions.add(decision);
        node.decidedAtMs = nowMs;
        node.established = false;
    }

    private void zabCheck() {
        for (Node node : nodes.values()) {
            if (!node.up) {
                continue;
            }
            PeerState state = node.core.state();
            if (state == PeerState.LEADING) {
                lead(node);
            } else if (state == PeerState.FOLLOWING || state == PeerState.OBSERVING) {
                follow(node);
            }
        }
        at(nowMs + ZAB_CHECK_INTERVAL_MS, this::zabCheck);
    }

    private void lead(Node leader) {
        List<Node> followers = new ArrayList<>();
        Set<Long> support = new HashSet<>(Set.of(leader.id));
        for (Node node : nodes.values()) {
            if (node != leader && node.up && network.connected(leader.id, node.id) && follows(node, leader.id)) {
                followers.add(node);
                support.add(node.id);
            }
        }
        if (!layout.verifier().containsQuorum(support)) {
            if (leader.established || nowMs - leader.decidedAtMs > LEADER_GRACE_MS) {
                leader.established = false;
                apply(leader, leader.core.start(nowMs));
            }
            return;
        }
        if (!leader.established) {
            long newEpoch = leader.epoch;
            for (long id : support) {
                newEpoch = Math.max(newEpoch, nodes.get(id).epoch);
            }
            leader.epoch = newEpoch + 1;
            leader.zxid = leader.epoch << 32;
            leader.core.updatePeerEpoch(leader.epoch);
            leader.established = true;
        } else if (random.nextInt(3) == 0) {
            leader.zxid++;
        }
        for (Node follower : followers) {
            if (follower.epoch != leader.epoch || random.nextInt(10) < 7) {
                follower.epoch = leader.epoch;
                follower.zxid = leader.zxid;
                follower.core.updatePeerEpoch(leader.epoch);
            }
        }
    }

    private void follow(Node node) {
        long leaderId = node.core.currentVote().leaderId();
        Node leader = nodes.get(leaderId);
        boolean leaderThere = leader != null && leader.up && network.connected(node.id, leaderId)
                && leader.core.state() == PeerState.LEADING;
        if (!leaderThere && nowMs - node.decidedAtMs > FOLLOWER_GRACE_MS) {
            apply(node, node.core.start(nowMs));
        }
    }

    private static boolean follows(Node node, long leaderId) {
        PeerState state = node.core.state();
        return (state == PeerState.FOLLOWING || state == PeerState.OBSERVING)
                && node.core.currentVote().leaderId() == leaderId;
    }

    /** The established leader every live member of {@code group} follows, or a failure naming who does not. */
    long convergedLeader(Set<Long> group) {
        Long leaderId = null;
        for (long id : group) {
            Node node = nodes.get(id);
            if (node.up && node.core.state() == PeerState.LEADING) {
                check(leaderId == null, node, "a second leader in " + group + " after " + leaderId);
                leaderId = id;
            }
        }
        check(leaderId != null, null, "no leader among " + group + ": " + describe());
        check(nodes.get(leaderId).established, nodes.get(leaderId), "leader not established: " + describe());
        for (long id : group) {
            Node node = nodes.get(id);
            check(id == leaderId || follows(node, leaderId), node, "does not follow " + leaderId + ": " + describe());
        }
        return leaderId;
    }

    String describe() {
        StringBuilder text = new StringBuilder("t=" + nowMs + "ms");
        for (Node node : nodes.values()) {
            text.append(" [").append(node.id).append(' ').append(node.up ? node.core.state() : "DOWN");
            if (node.up && node.core.state() != PeerState.LOOKING) {
                text.append("->").append(node.core.currentVote().leaderId());
            }
            text.append(" e").append(node.epoch).append(" z").append(Long.toHexString(node.zxid)).append(']');
        }
        return text.toString();
    }

    void check(boolean condition, Node node, String problem) {
        if (!condition) {
            throw new AssertionError("seed " + seed + " (rerun with -Dfle.seed=" + seed + "), " + layout.name()
                    + (node == null ? "" : ", peer " + node.id) + ": " + problem);
        }
    }
}
