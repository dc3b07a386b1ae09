package dev.menagerie.election.fle.impl.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.election.fle.spi.TieBreak;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Members that order ties differently (see {@link MixedOrderScenarios}), here with the order that disagrees with
 * Apache's on every pair: the lowest id first. {@code -Dfle.mixed.seeds=N} runs more seeds.
 */
class MixedOrderSimulationTest {

    private static final TieBreak LOWEST_ID_FIRST = (candidate, other) -> Long.compare(other, candidate);

    @Test
    void freshMixedElectionsEndWhenTheOrdersAgreeAndOtherwiseOnlyByLuckOrTheFinishedSwitch() {
        int seeds = Integer.getInteger("fle.mixed.seeds", 400);
        Map<MixedOrderScenarios.Outcome, Integer> outcomes = new EnumMap<>(MixedOrderScenarios.Outcome.class);
        for (long seed = 0; seed < seeds; seed++) {
            outcomes.merge(MixedOrderScenarios.freshElection(seed, LOWEST_ID_FIRST), 1, Integer::sum);
        }
        System.out.println("fle mixed fresh elections: " + outcomes);
        assertTrue(outcomes.containsKey(MixedOrderScenarios.Outcome.DISAGREED_UNTIL_SWITCHED),
                "no seed produced the stall the switch procedure must avoid: " + outcomes);
        assertTrue(outcomes.containsKey(MixedOrderScenarios.Outcome.ELECTED_AS_PREDICTED), outcomes.toString());
    }

    @Test
    void switchingOneMemberAtATimeLeaderLastKeepsTheLeaderUntilItRestarts() {
        int seeds = Integer.getInteger("fle.mixed.seeds", 400);
        for (long seed = 0; seed < seeds; seed++) {
            MixedOrderScenarios.rollingSwitch(seed, LOWEST_ID_FIRST);
        }
    }
}
