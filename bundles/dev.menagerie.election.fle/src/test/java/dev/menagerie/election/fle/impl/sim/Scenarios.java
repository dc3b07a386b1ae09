package dev.menagerie.election.fle.impl.sim;

import dev.menagerie.api.election.Vote;
import dev.menagerie.election.fle.impl.Decision;
import dev.menagerie.election.fle.spi.TieBreak;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The simulated runs and what each must show; one seed picks the layout, the scenario and every fault. Public for
 * election bundles built on this one (a test-jar): they run the same scenarios with their own {@link TieBreak}.
 */
public final class Scenarios {

    private Scenarios() {
    }

    /** Apache's order: equally up-to-date candidates by server id. */
    static void run(long seed) {
        run(seed, TieBreak.SERVER_ID);
    }

    /** One seeded run in which every peer breaks ties with {@code tieBreak}; fails naming the seed. */
    public static void run(long seed, TieBreak tieBreak) {
        switch ((int) Math.floorMod(seed / 4, 4L)) {
            case 0 -> orderlyStart(seed, tieBreak);
            case 1 -> hostileNetwork(seed, tieBreak);
            case 2 -> partitionFromTheStart(seed, tieBreak);
            default -> latePeer(seed, tieBreak);
        }
    }

    /**
     * Everyone boots within 50 ms on a network that delays (up to 80 ms), reorders and duplicates but loses
     * nothing: every peer's first decision names the same leader in round 1, and that leader has the highest
     * (epoch, zxid, tie-break, id) of all voters.
     */
    static void orderlyStart(long seed, TieBreak tieBreak) {
        orderlyStartFrom(seed, tieBreak, Map.of());
    }

    /**
     * {@link #orderlyStart} where the listed peers begin with the given {epoch, zxid} (the others with the seed's
     * random logs); returns the leader everyone follows. Seed 0 is a majority of 3, seed 1 a majority of 5 with an
     * observer (id 6).
     */
    public static long orderlyStartFrom(long seed, TieBreak tieBreak, Map<Long, long[]> epochAndZxidById) {
        Simulation sim = new Simulation(seed, SimNetwork.Faults.ORDERLY, id -> tieBreak);
        epochAndZxidById.forEach((id, history) -> sim.setHistory(id, history[0], history[1]));
        for (long id : sim.ids()) {
            sim.at(sim.random.nextInt(50), () -> sim.boot(id));
        }
        sim.runUntil(10_000);
        long best = bestVoter(sim, new HashSet<>(sim.ids()), tieBreak);
        for (Simulation.Node node : sim.nodes.values()) {
            sim.check(!node.decisions.isEmpty(), node, "never decided: " + sim.describe());
            Vote first = node.decisions.get(0).vote();
            sim.check(first.leaderId() == best && first.electionEpoch() == 1, node,
                    "first decided " + first + " but the best voter is " + best);
        }
        sim.check(sim.convergedLeader(new HashSet<>(sim.ids())) == best, null, "leader changed: " + sim.describe());
        return best;
    }

    /**
     * Loss, duplicates, long delays, crashes with reboots, and partitions for 15 s; then a calm network. Every
     * decision along the way is well-formed (checked as it happens), and within 75 s of calm everyone follows one
     * established leader.
     */
    static void hostileNetwork(long seed, TieBreak tieBreak) {
        Simulation sim = new Simulation(seed, SimNetwork.Faults.HOSTILE, id -> tieBreak);
        for (long id : sim.ids()) {
            sim.at(sim.random.nextInt(500), () -> sim.boot(id));
        }
        for (int fault = 0; fault < 6; fault++) {
            long atMs = 500 + sim.random.nextInt(14_000);
            long id = sim.ids().get(sim.random.nextInt(sim.ids().size()));
            if (sim.random.nextBoolean()) {
                sim.at(atMs, () -> sim.crash(id));
                sim.at(atMs + 200 + sim.random.nextInt(3000), () -> sim.boot(id));
            } else {
                Set<Long> side = randomSubset(sim);
                sim.at(atMs, () -> sim.network.partition(side));
                sim.at(atMs + 500 + sim.random.nextInt(4000), () -> sim.network.partition(null));
            }
        }
        sim.runUntil(15_000);
        sim.network.partition(null);
        sim.network.setFaults(SimNetwork.Faults.CALM);
        for (Simulation.Node node : sim.nodes.values()) {
            if (!node.up) {
                sim.boot(node.id);
            }
        }
        sim.runUntil(90_000);
        sim.convergedLeader(new HashSet<>(sim.ids()));
    }

    /**
     * A partition from the first moment: the side without a quorum never decides, the side with one elects its
     * best voter; after healing, the minority joins that leader and the leader stays.
     */
    static void partitionFromTheStart(long seed, TieBreak tieBreak) {
        Simulation sim = new Simulation(seed, SimNetwork.Faults.ORDERLY, id -> tieBreak);
        Set<Long> minority = minoritySide(sim);
        Set<Long> majority = new HashSet<>(sim.ids());
        majority.removeAll(minority);
        sim.network.partition(minority);
        for (long id : sim.ids()) {
            sim.at(sim.random.nextInt(50), () -> sim.boot(id));
        }
        sim.runUntil(20_000);
        for (long id : minority) {
            sim.check(sim.nodes.get(id).decisions.isEmpty(), sim.nodes.get(id),
                    "decided without a quorum on its side " + minority + ": " + sim.nodes.get(id).decisions);
        }
        long leader = sim.convergedLeader(majority);
        sim.check(leader == bestVoter(sim, majority, tieBreak), null, "majority side elected " + leader + ": " + sim.describe());
        int leaderDecisions = sim.nodes.get(leader).decisions.size();
        sim.network.partition(null);
        sim.runUntil(100_000);
        sim.check(sim.convergedLeader(new HashSet<>(sim.ids())) == leader, null, "leader changed after healing");
        sim.check(sim.nodes.get(leader).decisions.size() == leaderDecisions, sim.nodes.get(leader),
                "the leader was re-elected after healing");
    }

    /**
     * One participant boots late, or reboots with a fresh logical clock, after the others elected a leader: it
     * joins that leader, whatever its own log, and nobody else changes role.
     */
    static void latePeer(long seed, TieBreak tieBreak) {
        Simulation sim = new Simulation(seed, SimNetwork.Faults.ORDERLY, id -> tieBreak);
        List<Long> candidates = new ArrayList<>(sim.layout.participants());
        candidates.sort(null);
        long late = candidates.get(sim.random.nextInt(candidates.size()));
        Set<Long> rest = new HashSet<>(sim.ids());
        rest.remove(late);
        boolean reboot = sim.random.nextBoolean() || !sim.layout.verifier().containsQuorum(rest);
        for (long id : sim.ids()) {
            if (reboot || id != late) {
                sim.at(sim.random.nextInt(50), () -> sim.boot(id));
            }
        }
        sim.runUntil(8_000);
        long leader = sim.convergedLeader(reboot ? new HashSet<>(sim.ids()) : rest);
        if (reboot && late == leader) {
            return; // a rebooted leader is a new election, covered by the hostile runs
        }
        Simulation.Node node = sim.nodes.get(late);
        if (!reboot && sim.random.nextInt(3) == 0) {
            lateAfterLeaderCrash(sim, node, leader);
            return;
        }
        node.epoch += sim.random.nextInt(2); // a late peer may even have a newer log than the leader elected
        node.zxid = (node.epoch << 32) | 0xff;
        int decisionsBefore = totalDecisions(sim) - node.decisions.size();
        int lateBefore = node.decisions.size();
        sim.boot(late);
        sim.runUntil(12_000);
        sim.check(node.decisions.size() == lateBefore + 1, node, "decided " + node.decisions);
        Decision joined = node.decisions.get(node.decisions.size() - 1);
        sim.check(joined.vote().leaderId() == leader, node, "joined " + joined + " not the leader " + leader);
        sim.check(totalDecisions(sim) - node.decisions.size() == decisionsBefore, null,
                "the others decided again: " + sim.describe());
        sim.check(sim.convergedLeader(new HashSet<>(sim.ids())) == leader, null, "leader changed");
    }

    /**
     * The leader crashes just before the late peer boots, while its followers still say they follow it: the late
     * voter must not join the dead leader (Apache's checkLeader), and the survivors elect a new one. A peer that
     * is no voter may: as in Apache, LOOKING voters answer it with their stale last vote, and a quorum of those
     * agrees; its sync with the dead leader then fails and it looks again.
     */
    private static void lateAfterLeaderCrash(Simulation sim, Simulation.Node node, long leader) {
        sim.crash(leader);
        sim.boot(node.id);
        sim.runUntil(8_000 + Simulation.FOLLOWER_GRACE_MS);
        for (Decision decision : node.decisions) {
            sim.check(!sim.layout.isVoter(node.id) || decision.vote().leaderId() != leader, node, "joined the crashed leader " + leader);
        }
        Set<Long> survivors = new HashSet<>(sim.ids());
        survivors.remove(leader);
        if (sim.layout.verifier().containsQuorum(survivors)) {
            sim.runUntil(40_000);
            sim.convergedLeader(survivors);
        }
    }

    /** The voter with the highest (epoch, zxid, tie-break, id) among {@code group}, by the starting logs. */
    static long bestVoter(Simulation sim, Set<Long> group, TieBreak tieBreak) {
        Long best = null;
        for (long id : group) {
            if (sim.layout.isVoter(id) && (best == null || startsAhead(sim, id, best, tieBreak))) {
                best = id;
            }
        }
        return best;
    }

    private static boolean startsAhead(Simulation sim, long a, long b, TieBreak tieBreak) {
        if (sim.initialEpoch(a) != sim.initialEpoch(b)) {
            return sim.initialEpoch(a) > sim.initialEpoch(b);
        }
        if (sim.initialZxid(a) != sim.initialZxid(b)) {
            return sim.initialZxid(a) > sim.initialZxid(b);
        }
        int preference = tieBreak.compare(a, b);
        return preference != 0 ? preference > 0 : a > b;
    }

    private static int totalDecisions(Simulation sim) {
        return sim.nodes.values().stream().mapToInt(n -> n.decisions.size()).sum();
    }

    private static Set<Long> randomSubset(Simulation sim) {
        Set<Long> side = new HashSet<>();
        for (long id : sim.ids()) {
            if (sim.random.nextBoolean()) {
                side.add(id);
            }
        }
        return side;
    }

    /** A non-empty side without a quorum whose complement has one. */
    private static Set<Long> minoritySide(Simulation sim) {
        while (true) {
            Set<Long> side = randomSubset(sim);
            Set<Long> rest = new HashSet<>(sim.ids());
            rest.removeAll(side);
            if (!side.isEmpty() && !sim.layout.verifier().containsQuorum(side)
                    && sim.layout.verifier().containsQuorum(rest)) {
                return side;
            }
        }
    }
}
