package dev.menagerie.election.fle.impl.sim;

import dev.menagerie.api.election.PeerState;
import dev.menagerie.election.fle.impl.ElectionSettings;
import dev.menagerie.election.fle.spi.TieBreak;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Ensembles whose members break ties differently: some with Apache's order (server id), the others with
 * {@code other}. Notifications carry no tie-break, so when the best candidates tie on (epoch, zxid) the two kinds of
 * voter each stand by their own favourite for good. A fresh election is then sure to end only when both orders
 * pick the same winner. Otherwise each side may count its favourite's stale first vote (its own candidacy) into a
 * quorum and follow it while that favourite follows the other side's (even when one side alone is a quorum):
 * nobody leads, the followers give up, and the rounds repeat until timing happens to break the symmetry, which is
 * not bounded. An established leader is different: peers that lead or follow answer with their leader, whatever
 * their order, so the type is switched one member at a time while a leader stands, the leader last.
 */
public final class MixedOrderScenarios {

    /** How long a fresh mixed election is watched before the switch is finished. */
    static final long WATCH_MS = 20_000;

    private MixedOrderScenarios() {
    }

    /** How a fresh mixed election went. */
    public enum Outcome {
        /** Both orders picked the same winner, and it leads. */
        ELECTED_AS_PREDICTED,
        /** The orders disagreed; timing still settled on a leader in time. */
        DISAGREED_SETTLED,
        /** The orders disagreed and no leader stood after {@link #WATCH_MS}; finishing the switch elected one. */
        DISAGREED_UNTIL_SWITCHED
    }

    /**
     * A fresh election among mixed members, all booted at once on an orderly network, some voters possibly down;
     * in half of the seeds every member has the same log, so that the tie-breaks decide. Where both orders pick
     * the same winner it checks that this one leads; otherwise it records what timing made of it and, with no
     * leader after {@link #WATCH_MS}, finishes the switch (restarts every member with {@code other}) and checks
     * that the ensemble then agrees on one leader. Every decision is checked as it happens (see {@link Simulation}).
     */
    public static Outcome freshElection(long runSeed, TieBreak other) {
        try {
            return freshElectionOnEvenSeed(runSeed * 2, other);
        } catch (AssertionError e) {
            // The simulation names its own (doubled) seed; what a caller reruns is the run seed.
            throw new AssertionError("fresh mixed election of run seed " + runSeed + ": " + e.getMessage(), e);
        }
    }

    private static Outcome freshElectionOnEvenSeed(long seed, TieBreak other) {
        // Majorities of 3 and 7 only: a peer that does not vote (an observer) and a voter a round behind it, both
        // looking, answer each other for as long as that lasts (as Apache's do); the long stalls here would make
        // that traffic swamp the simulation. Even seeds pick those layouts.
        Random choices = new Random(~seed);
        Layout layout = Layout.forSeed(seed);
        Set<Long> usesOther = new HashSet<>();
        Set<Long> live = new HashSet<>();
        for (long id : layout.ids()) {
            if (choices.nextBoolean()) {
                usesOther.add(id);
            }
            live.add(id);
        }
        List<Long> voters = new ArrayList<>(layout.verifier().votingMembers());
        voters.sort(null);
        for (int down = choices.nextInt(3); down > 0; down--) {
            long id = voters.get(choices.nextInt(voters.size()));
            live.remove(id);
            if (!layout.verifier().containsQuorum(voters(layout, live))) {
                live.add(id); // keep a quorum up: without one no order could elect anybody
            }
        }
        Simulation sim = new Simulation(seed, SimNetwork.Faults.ORDERLY,
                id -> usesOther.contains(id) ? other : TieBreak.SERVER_ID);
        if (choices.nextBoolean()) {
            for (long id : layout.ids()) {
                sim.setHistory(id, 2, (2L << 32) | 7);
            }
        }
        sim.at(0, () -> live.forEach(sim::boot)); // every member hears every candidacy
        sim.runUntil(WATCH_MS);

        Set<Long> liveVoters = voters(layout, live);
        long byId = Scenarios.bestVoter(sim, liveVoters, TieBreak.SERVER_ID);
        long byOther = Scenarios.bestVoter(sim, liveVoters, other);
        if (byId == byOther) {
            long leader = sim.convergedLeader(live);
            sim.check(leader == byId, null, "elected " + leader + ", but both orders prefer " + byId);
            return Outcome.ELECTED_AS_PREDICTED;
        }
        if (hasEstablishedLeader(sim, live)) {
            // Peers still looking back off up to 60 s between notifications after so many rounds.
            sim.runUntil(sim.now() + ElectionSettings.MAX_NOTIFICATION_INTERVAL_MS + WATCH_MS);
            sim.convergedLeader(live);
            return Outcome.DISAGREED_SETTLED;
        }
        for (long id : live) {
            usesOther.add(id);
            sim.crash(id);
        }
        sim.at(sim.now(), () -> live.forEach(sim::boot));
        sim.runUntil(sim.now() + WATCH_MS);
        sim.convergedLeader(live);
        return Outcome.DISAGREED_UNTIL_SWITCHED;
    }

    /**
     * The supported switch: an ensemble elects a leader with Apache's order; members restart with {@code other}
     * one at a time, followers first, each rejoining the standing leader; the leader restarts last, and the fresh
     * election it causes is among members that all use {@code other}, so it elects their best voter.
     */
    public static void rollingSwitch(long seed, TieBreak other) {
        Set<Long> usesOther = new HashSet<>();
        Simulation sim = new Simulation(seed, SimNetwork.Faults.ORDERLY,
                id -> usesOther.contains(id) ? other : TieBreak.SERVER_ID);
        Set<Long> all = new HashSet<>(sim.ids());
        for (long id : sim.ids()) {
            sim.at(sim.random.nextInt(50), () -> sim.boot(id));
        }
        sim.runUntil(8_000);
        long leader = sim.convergedLeader(all);
        int leaderDecisions = sim.nodes.get(leader).decisions.size();
        for (long id : sim.ids()) {
            if (id != leader) {
                usesOther.add(id);
                sim.crash(id);
                sim.boot(id);
                sim.runUntil(sim.now() + 3_000);
                sim.check(sim.convergedLeader(all) == leader, sim.nodes.get(id), "restarting it moved leadership");
            }
        }
        sim.check(sim.nodes.get(leader).decisions.size() == leaderDecisions, sim.nodes.get(leader),
                "the leader was elected again while followers restarted");
        usesOther.add(leader);
        sim.crash(leader);
        for (long id : sim.ids()) {
            Simulation.Node node = sim.nodes.get(id);
            sim.setHistory(id, node.epoch, node.zxid); // the logs the fresh election starts from
        }
        Set<Long> survivors = new HashSet<>(all);
        survivors.remove(leader);
        // A restart takes longer than followers need to notice (Apache: syncLimit); a quorum of them elects alone.
        boolean quorumLeft = sim.layout.verifier().containsQuorum(voters(sim.layout, survivors));
        sim.runUntil(sim.now() + Simulation.FOLLOWER_GRACE_MS + 2 * Simulation.ZAB_CHECK_INTERVAL_MS);
        sim.boot(leader);
        sim.runUntil(sim.now() + 30_000);
        long expected = Scenarios.bestVoter(sim, quorumLeft ? survivors : all, other);
        sim.check(sim.convergedLeader(all) == expected, null, "after the switch " + expected + " should lead: "
                + sim.describe());
    }

    private static boolean hasEstablishedLeader(Simulation sim, Set<Long> group) {
        return group.stream().map(sim.nodes::get)
                .anyMatch(n -> n.up && n.core.state() == PeerState.LEADING && n.established);
    }

    private static Set<Long> voters(Layout layout, Set<Long> ids) {
        Set<Long> voters = new HashSet<>(ids);
        voters.retainAll(layout.verifier().votingMembers());
        return voters;
    }
}
