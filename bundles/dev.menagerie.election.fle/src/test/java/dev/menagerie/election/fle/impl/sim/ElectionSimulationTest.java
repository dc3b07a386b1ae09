package dev.menagerie.election.fle.impl.sim;

import org.junit.jupiter.api.Test;

/**
 * Seeded whole-ensemble runs (see {@link Scenarios}). By default seeds 0 to {@code fle.seeds}-1 run; a failure
 * names its seed, and {@code -Dfle.seed=N} reruns only that one.
 */
class ElectionSimulationTest {

    /** Each run checks its own invariants and fails with the seed that reproduces the failure. */
    @Test
    void everySeededRunKeepsTheElectionInvariants() {
        String single = System.getProperty("fle.seed");
        if (single != null) {
            Scenarios.run(Long.parseLong(single));
            return;
        }
        int seeds = Integer.getInteger("fle.seeds", 10_000);
        long startNs = System.nanoTime();
        for (long seed = 0; seed < seeds; seed++) {
            Scenarios.run(seed);
        }
        long elapsedMs = (System.nanoTime() - startNs) / 1_000_000;
        System.out.println("fle simulation: " + seeds + " seeds in " + elapsedMs + " ms");
    }
}
