package dev.menagerie.election.priority.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.election.fle.impl.sim.MixedOrderScenarios;
import dev.menagerie.election.fle.impl.sim.Scenarios;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The fle bundle's seeded simulation with the priority tie-break: random tables (ranks 0 to 3, so ties among ranks
 * happen too) over every layout and scenario, then mixed fast/priority members. {@code -Dpriority.seeds=N} runs
 * more seeds; a failure names its seed.
 */
class PrioritySimulationTest {

    private static final int SEEDS = Integer.getInteger("priority.seeds", 1_000);
    private static final long SERVER_1 = 1;
    private static final long SERVER_3 = 3;

    @Test
    void theHighestPriorityAmongTheMostUpToDateLeads() {
        Map<Long, long[]> sameLog = Map.of(1L, log(2, 7), 2L, log(2, 7), 3L, log(2, 7));
        assertEquals(SERVER_1, Scenarios.orderlyStartFrom(0, table(Map.of(1L, 10)), sameLog));
        assertEquals(SERVER_3, Scenarios.orderlyStartFrom(0, table(Map.of()), sameLog),
                "no priorities: Apache's order, the highest id");
        assertEquals(SERVER_3, Scenarios.orderlyStartFrom(0, table(Map.of(2L, 5, 3L, 5)), sameLog),
                "equal priorities: the higher id");
    }

    @Test
    void aNewerLogBeatsAHigherPriority() {
        Map<Long, long[]> threeAhead = Map.of(1L, log(2, 7), 2L, log(2, 7), 3L, log(2, 8));
        assertEquals(SERVER_3, Scenarios.orderlyStartFrom(0, table(Map.of(1L, 10)), threeAhead));
        Map<Long, long[]> newerEpoch = Map.of(1L, log(2, 9), 2L, log(3, 1), 3L, log(2, 9));
        assertEquals(2L, Scenarios.orderlyStartFrom(0, table(Map.of(1L, 10)), newerEpoch));
    }

    @Test
    void everySeededRunWithRandomPrioritiesKeepsTheElectionInvariants() {
        long startNs = System.nanoTime();
        for (long seed = 0; seed < SEEDS; seed++) {
            Scenarios.run(seed, randomTable(seed));
        }
        System.out.println("priority simulation: " + SEEDS + " seeds in " + (System.nanoTime() - startNs) / 1_000_000
                + " ms");
    }

    /** Fresh elections among mixed fast and priority members: see MixedOrderScenarios for what each must show. */
    @Test
    void mixedFastAndPriorityMembers() {
        Map<MixedOrderScenarios.Outcome, Integer> outcomes = new EnumMap<>(MixedOrderScenarios.Outcome.class);
        int mixedSeeds = SEEDS / 4;
        for (long seed = 0; seed < mixedSeeds; seed++) {
            outcomes.merge(MixedOrderScenarios.freshElection(seed, randomTable(seed)), 1, Integer::sum);
            MixedOrderScenarios.rollingSwitch(seed, randomTable(seed));
        }
        System.out.println("priority mixed fresh elections: " + outcomes);
        assertTrue(outcomes.containsKey(MixedOrderScenarios.Outcome.ELECTED_AS_PREDICTED), outcomes.toString());
        assertTrue(outcomes.containsKey(MixedOrderScenarios.Outcome.DISAGREED_SETTLED)
                || outcomes.containsKey(MixedOrderScenarios.Outcome.DISAGREED_UNTIL_SWITCHED),
                "no seed made fast and priority members disagree, which the switch procedure guards against: "
                        + outcomes);
    }

    private static PriorityTable randomTable(long seed) {
        Random random = new Random(seed * 31 + 7);
        Map<Long, Integer> priorityById = new TreeMap<>();
        for (long id = 1; id <= 9; id++) {
            priorityById.put(id, random.nextInt(4));
        }
        return table(priorityById);
    }

    private static PriorityTable table(Map<Long, Integer> priorityById) {
        return new PriorityTable(new TreeMap<>(priorityById));
    }

    private static long[] log(long epoch, long counter) {
        return new long[] {epoch, (epoch << 32) | counter};
    }
}
