package dev.menagerie.quorum.contract;

import static dev.menagerie.quorum.contract.Ensembles.observer;
import static dev.menagerie.quorum.contract.Ensembles.participant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.api.config.LearnerType;
import dev.menagerie.api.config.QuorumMember;
import dev.menagerie.api.quorum.QuorumVerifier;
import dev.menagerie.api.quorum.QuorumVerifierFactory;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The properties every {@link QuorumVerifier} must have, whatever its strategy. A verifier bundle runs them with a
 * subclass that names its factory (and adds tests of its own strategy):
 *
 * <pre>
 * class MyVerifierFactoryTest extends QuorumVerifierContract {
 *     protected QuorumVerifierFactory factory() { return new MyVerifierFactory(); }
 * }
 * </pre>
 *
 * Each property is checked exhaustively (every subset) on random ensembles of 1 to 7 members; every trial has its
 * own seed and a failure names it. A run picks a fresh seed unless {@value #SEED_PROPERTY} is set.
 */
public abstract class QuorumVerifierContract {

    public static final String SEED_PROPERTY = "menagerie.quorum.seed";
    private static final int MAX_MEMBERS = 7;
    private static final int TRIALS_PER_SIZE = 30;
    /** Ids that random ensembles never use (they use 1 to 3 * size). */
    private static final Set<Long> UNKNOWN_IDS = Set.of(0L, 1000L, Long.MAX_VALUE);

    /** The factory under test. */
    protected abstract QuorumVerifierFactory factory();

    /** A random ensemble this strategy accepts; override when a strategy accepts fewer shapes. */
    protected List<QuorumMember> randomEnsemble(Random random, int size) {
        return Ensembles.randomEnsemble(random, size);
    }

    static IntStream ensembleSizes() {
        return IntStream.rangeClosed(1, MAX_MEMBERS);
    }

    @ParameterizedTest(name = "{0} members")
    @MethodSource("ensembleSizes")
    void theWholeVotingSetIsAQuorum(int size) {
        forEachTrial(size, t -> assertTrue(t.verifier().containsQuorum(t.verifier().votingMembers()),
                "the voting members together must be a quorum"));
    }

    @ParameterizedTest(name = "{0} members")
    @MethodSource("ensembleSizes")
    void theEmptySetIsNotAQuorum(int size) {
        forEachTrial(size, t -> assertFalse(t.verifier().containsQuorum(Set.of()), "no servers, no quorum"));
    }

    @ParameterizedTest(name = "{0} members")
    @MethodSource("ensembleSizes")
    void anyTwoQuorumsShareAVoter(int size) {
        forEachTrial(size, t -> {
            BitSet quorums = t.quorums();
            int voting = t.votingMask();
            for (int a = quorums.nextSetBit(0); a >= 0; a = quorums.nextSetBit(a + 1)) {
                for (int b = quorums.nextSetBit(a); b >= 0; b = quorums.nextSetBit(b + 1)) {
                    int qa = a;
                    int qb = b;
                    assertTrue((a & b & voting) != 0,
                            () -> "quorums " + t.ids(qa) + " and " + t.ids(qb) + " share no voter");
                }
            }
        });
    }

    @ParameterizedTest(name = "{0} members")
    @MethodSource("ensembleSizes")
    void addingServersToAQuorumKeepsItAQuorum(int size) {
        forEachTrial(size, t -> {
            BitSet quorums = t.quorums();
            for (int q = quorums.nextSetBit(0); q >= 0; q = quorums.nextSetBit(q + 1)) {
                for (int i = 0; i < size; i++) {
                    int grown = q | (1 << i);
                    assertTrue(quorums.get(grown), () -> t.ids(grown) + " holds a quorum but is not one");
                }
            }
        });
    }

    @ParameterizedTest(name = "{0} members")
    @MethodSource("ensembleSizes")
    void serversThatDoNotVoteNeverChangeTheAnswer(int size) {
        forEachTrial(size, t -> {
            int voting = t.votingMask();
            for (int mask = 0; mask < t.subsetCount(); mask++) {
                boolean votersAlone = t.isQuorum(mask & voting);
                Set<Long> withOthers = t.ids(mask);
                withOthers.addAll(UNKNOWN_IDS);
                int m = mask;
                assertEquals(votersAlone, t.isQuorum(mask), () -> "observers or weight-0 members changed " + t.ids(m));
                assertEquals(votersAlone, t.verifier().containsQuorum(withOthers),
                        () -> "unknown ids changed the answer for " + t.ids(m));
            }
        });
    }

    @ParameterizedTest(name = "{0} members")
    @MethodSource("ensembleSizes")
    void onlyParticipantsVote(int size) {
        forEachTrial(size, t -> {
            for (QuorumMember m : t.members()) {
                if (m.type() == LearnerType.OBSERVER) {
                    assertFalse(t.verifier().votingMembers().contains(m.id()), () -> "observer " + m.id() + " votes");
                    assertEquals(0L, t.verifier().weight(m.id()), () -> "observer " + m.id() + " has a weight");
                }
            }
            assertFalse(t.verifier().votingMembers().isEmpty(), "an ensemble with a voter has voting members");
        });
    }

    @ParameterizedTest(name = "{0} members")
    @MethodSource("ensembleSizes")
    void votersAndOnlyVotersWeighMoreThanZero(int size) {
        forEachTrial(size, t -> {
            for (QuorumMember m : t.members()) {
                boolean votes = t.verifier().votingMembers().contains(m.id());
                assertEquals(votes, t.verifier().weight(m.id()) > 0, () -> "weight of " + m.id());
            }
            for (long unknown : UNKNOWN_IDS) {
                assertEquals(0L, t.verifier().weight(unknown), () -> "weight of unknown id " + unknown);
            }
        });
    }

    @ParameterizedTest(name = "{0} members")
    @MethodSource("ensembleSizes")
    void theVerifierIgnoresLaterChangesToItsInputsAndOutputs(int size) {
        forEachTrial(size, t -> {
            List<QuorumMember> input = new ArrayList<>(t.members());
            QuorumVerifier verifier = factory().create(input);
            Trial own = new Trial(t.seed(), t.runSeed(), t.members(), verifier);
            BitSet before = own.quorums();
            Set<Long> votersBefore = new HashSet<>(verifier.votingMembers());
            input.clear();
            try {
                verifier.votingMembers().clear();
            } catch (UnsupportedOperationException expected) {
                // an unmodifiable view is the usual way to keep the verifier immutable
            }
            assertEquals(votersBefore, verifier.votingMembers(), "voting members changed after create");
            assertEquals(before, own.quorums(), "quorums changed after create");
        });
    }

    @Test
    void aLoneParticipantIsAQuorumOfOne() {
        QuorumVerifier verifier = factory().create(List.of(participant(1, 1, 1), observer(2)));
        assertEquals(Set.of(1L), verifier.votingMembers());
        assertTrue(verifier.containsQuorum(Set.of(1L)));
        assertFalse(verifier.containsQuorum(Set.of(2L)));
    }

    @Test
    void anEnsembleOfObserversOnlyIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> factory().create(List.of(observer(1), observer(2))));
        assertFalse(e.getMessage() == null || e.getMessage().isBlank(), "the operator needs a message");
    }

    @Test
    void aServerIdListedTwiceIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> factory().create(List.of(participant(1, 1, 1), participant(2, 1, 1), participant(1, 1, 1))));
        assertTrue(e.getMessage().contains("1"), () -> "the message should name the id: " + e.getMessage());
    }

    /** Runs {@code check} on {@value #TRIALS_PER_SIZE} random ensembles of {@code size}; failures name the seed. */
    protected final void forEachTrial(int size, Consumer<Trial> check) {
        long runSeed = runSeed();
        Random seeds = new Random(runSeed * 31 + size);
        for (int i = 0; i < TRIALS_PER_SIZE; i++) {
            long seed = seeds.nextLong();
            List<QuorumMember> members = randomEnsemble(new Random(seed), size);
            String context = "trial seed " + seed + " (replay with -D" + SEED_PROPERTY + "=" + runSeed + "), members "
                    + Ensembles.describe(members);
            try {
                check.accept(new Trial(seed, runSeed, List.copyOf(members), factory().create(members)));
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(context + ": " + e.getMessage(), e);
            }
        }
    }

    private static long runSeed() {
        String fixed = System.getProperty(SEED_PROPERTY);
        return fixed != null ? Long.parseLong(fixed) : RUN_SEED;
    }

    /** One seed per test run, so every property of a run sees the same ensembles. */
    private static final long RUN_SEED = new Random().nextLong();
}
