package dev.menagerie.quorum.impl.zab;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded whole-ensemble runs of election and Zab together (see {@link SimScenario}), through the production cores
 * and effects dispatchers ({@link LeaderEffects}, {@link LearnerEffects}) over simulated sockets, disks and clock:
 * 3 and 5 voters and 3 voters with an observer, under crashes, partitions, broken connections and a lossy election
 * network, with clients on every peer. Each run checks that no two peers lead the same epoch, that serving peers'
 * trees are prefixes of one history, that no acknowledged write is lost, that a healed ensemble commits a new write
 * within a bound, and that the clients' register history is linearizable.
 *
 * <p>Every run takes the fixed seeds 0..N-1 ({@code -Dsim.seeds=N}, default 2,000) and a fresh batch of
 * {@code -Dsim.randomSeeds} consecutive seeds (default 200) from a random base it prints; {@code -Dsim.seed=S} reruns
 * one seed and prints its trace. A failure names its seed and the command that replays it. See docs/simulation.md.
 */
class EnsembleSimulationTest {

    private static final int DEFAULT_SEEDS = 2_000;
    private static final int DEFAULT_RANDOM_SEEDS = 200;

    @Test
    void everySeededRunKeepsTheZabInvariants() {
        String single = System.getProperty("sim.seed");
        if (single != null) {
            SimScenario.Outcome outcome = SimScenario.run(Long.parseLong(single), true);
            System.out.println("seed " + single + ": " + outcome);
            return;
        }
        Totals fixed = runSeeds("fixed seeds", 0, Integer.getInteger("sim.seeds", DEFAULT_SEEDS));
        // Below 2^62, so that base + count never overflows; printed before the runs, so a hang still names it.
        long base = new Random(System.nanoTime()).nextLong() >>> 2;
        int randomSeeds = Integer.getInteger("sim.randomSeeds", DEFAULT_RANDOM_SEEDS);
        if (randomSeeds > 0) {
            System.out.println("ensemble simulation: random batch of " + randomSeeds + " seeds from " + base + " to "
                    + (base + randomSeeds - 1) + " (replay one with -Dsim.seed=S)");
        }
        Totals random = runSeeds("random seeds", base, randomSeeds);
        // Runs that commit only the probe would check little: clients must get writes and reads through the faults.
        for (Totals totals : new Totals[] {fixed, random}) {
            if (totals.seeds == 0) {
                continue;
            }
            assertTrue(totals.acknowledgedWrites > 10L * totals.seeds, totals.acknowledgedWrites
                    + " writes acknowledged in " + totals.seeds + " " + totals.name);
            assertTrue(totals.logReads > 0 || totals.seeds < 100, "no leader synced a learner from its log in "
                    + totals.seeds + " " + totals.name);
            assertTrue(totals.registerOps > 10L * totals.seeds, totals.registerOps + " register operations in "
                    + totals.seeds + " " + totals.name);
        }
    }

    private static final class Totals {
        final String name;
        final long seeds;
        long acknowledgedWrites;
        long epochs;
        long registerOps;
        long logReads;
        long snapshotsSent;
        long slowestSeed;
        long slowestMs = -1;

        Totals(String name, long seeds) {
            this.name = name;
            this.seeds = seeds;
        }
    }

    private static Totals runSeeds(String name, long first, int count) {
        Totals totals = new Totals(name, count);
        if (count == 0) {
            return totals;
        }
        long startNs = System.nanoTime();
        for (long seed = first; seed < first + count; seed++) {
            long seedStartNs = System.nanoTime();
            SimScenario.Outcome outcome = SimScenario.run(seed, false);
            long seedMs = (System.nanoTime() - seedStartNs) / 1_000_000;
            if (seedMs > totals.slowestMs) {
                totals.slowestMs = seedMs;
                totals.slowestSeed = seed;
            }
            totals.acknowledgedWrites += outcome.acknowledgedWrites();
            totals.epochs += outcome.epochs();
            totals.registerOps += outcome.registerOps();
            totals.logReads += outcome.logReads();
            totals.snapshotsSent += outcome.snapshotsSent();
        }
        long elapsedMs = (System.nanoTime() - startNs) / 1_000_000;
        System.out.println("ensemble simulation: " + count + " " + name + " in " + elapsedMs + " ms, "
                + totals.acknowledgedWrites + " acknowledged writes, " + totals.epochs + " epochs established, "
                + totals.registerOps + " register operations linearizable, " + totals.logReads
                + " log reads and " + totals.snapshotsSent + " snapshots to sync learners; slowest seed " + totals.slowestSeed + " ("
                + totals.slowestMs + " ms)");
        return totals;
    }
}
