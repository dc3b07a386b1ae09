package dev.menagerie.quorum.impl.zab;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Seeded whole-ensemble runs of election and Zab together (see {@link SimScenario}), through the production cores
 * and effects dispatchers ({@link LeaderEffects}, {@link LearnerEffects}) over simulated sockets, disks and clock:
 * 3 and 5 voters and 3 voters with an observer, under crashes, partitions, broken connections and a lossy election
 * network. Each run checks that no two peers lead the same epoch, that serving peers' trees are prefixes of one
 * history, that no acknowledged write is lost, and that a healed ensemble commits a new write within a bound.
 *
 * <p>{@code -Dsim.seeds=N} runs seeds 0..N-1; {@code -Dsim.seed=S} reruns one seed and prints its trace. A failure
 * names its seed.
 */
class EnsembleSimulationTest {

    private static final int DEFAULT_SEEDS = 2_000;

    @Test
    void everySeededRunKeepsTheZabInvariants() {
        String single = System.getProperty("sim.seed");
        if (single != null) {
            SimScenario.run(Long.parseLong(single), true);
            return;
        }
        int seeds = Integer.getInteger("sim.seeds", DEFAULT_SEEDS);
        long startNs = System.nanoTime();
        long acknowledgedWrites = 0;
        long epochs = 0;
        for (long seed = 0; seed < seeds; seed++) {
            SimScenario.Outcome outcome = SimScenario.run(seed, false);
            acknowledgedWrites += outcome.acknowledgedWrites();
            epochs += outcome.epochs();
        }
        long elapsedMs = (System.nanoTime() - startNs) / 1_000_000;
        System.out.println("ensemble simulation: " + seeds + " seeds in " + elapsedMs + " ms, " + acknowledgedWrites
                + " acknowledged writes, " + epochs + " epochs established");
        // Runs that commit only the probe would check little: clients must get writes through the faults.
        assertTrue(acknowledgedWrites > 10L * seeds, "only " + acknowledgedWrites + " writes acknowledged in "
                + seeds + " runs");
    }
}
