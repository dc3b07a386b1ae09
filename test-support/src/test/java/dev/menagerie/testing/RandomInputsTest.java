package dev.menagerie.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a failing random phase promises: the seed it names gives the same inputs again. */
class RandomInputsTest {

    @Test
    void aSeedGivesTheSameInputsEveryTimeAndAnotherSeedOthers() {
        RandomInputs first = RandomInputs.forTarget(getClass(), "example");
        RandomInputs again = RandomInputs.forTarget(getClass(), "example");
        int differing = 0;
        for (int n = 0; n < 200; n++) {
            assertArrayEquals(first.input(42, n), again.input(42, n), "input " + n + " of seed 42");
            if (!Arrays.equals(first.input(42, n), first.input(43, n))) {
                differing++;
            }
        }
        assertTrue(differing > 150, "seeds 42 and 43 gave the same input " + (200 - differing) + " times in 200");
    }

    @Test
    void aFailureNamesTheSeedAndTheInput() {
        System.setProperty(RandomInputs.SEED_PROPERTY, "7");
        try {
            List<byte[]> seen = new ArrayList<>();
            AssertionError failure = assertThrows(AssertionError.class,
                    () -> RandomInputs.forTarget(getClass(), "example").run(input -> {
                        seen.add(input);
                        if (seen.size() == 3) {
                            throw new IllegalStateException("boom");
                        }
                    }));
            assertTrue(failure.getMessage().startsWith("RandomInputsTest#example failed on random input 2 of seed 7"
                    + " (replay: -Dfuzz.random.seed=7"), failure.getMessage());
            assertEquals(3, seen.size());
        } finally {
            System.clearProperty(RandomInputs.SEED_PROPERTY);
        }
    }

    @Test
    void aTargetWithoutSeedsIsRefusedWithTheReason() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> RandomInputs.forTarget(getClass(), "missing"));
        assertTrue(refused.getMessage().contains("RandomInputsTestInputs/missing"), refused.getMessage());
    }
}
