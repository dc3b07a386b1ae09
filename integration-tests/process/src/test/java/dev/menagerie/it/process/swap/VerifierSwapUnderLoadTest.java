package dev.menagerie.it.process.swap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.menagerie.it.process.Ensemble;
import dev.menagerie.it.process.EnsembleLayout;
import dev.menagerie.it.process.EnsembleMember;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The quorum verifier of a 3-server ensemble under continuous write and watch load ({@link SwapLoad}): Gogo's
 * {@code update} of the majority verifier's bundle on the leader, which keeps its leadership and loses nothing, and
 * a zoo.cfg edit of the verifier type on a follower, refused with one line pointing at reconfiguration. Members on
 * {@code storage=memory}: the verifier does not care about the storage. (The example verifier deployed and selected
 * on a standalone server is in {@link StandaloneSwapUnderLoadTest}.)
 */
class VerifierSwapUnderLoadTest {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final String MAJORITY_BUNDLE = "dev.menagerie.quorum.majority";
    private static final String ELECTED = "elected server";
    private static final String REFUSED = "quorumVerifier=unanimous: an ensemble changes its quorum verifier through"
            + " reconfiguration, not by editing one member's zoo.cfg (keeping majority; until reconfiguration is"
            + " supported, stop every member, give each the same quorumVerifier and start them)";

    @Test
    void anEnsembleKeepsItsLeaderThroughAnUpdateOfTheVerifierAndRefusesAPlainEdit() throws Exception {
        EnsembleLayout layout = EnsembleLayout.of(3, 0, 500, 10, 5);
        Map<Integer, EnsembleMember.Impl> menagerie = Map.of(1, EnsembleMember.Impl.MENAGERIE,
                2, EnsembleMember.Impl.MENAGERIE, 3, EnsembleMember.Impl.MENAGERIE);
        try (Ensemble ensemble = Ensemble.startMixed(menagerie, layout, "verifier-swap", List.of("-Xmx384m"),
                id -> "storage=memory\n");
                SwapLoad load = new SwapLoad()) {
            ensemble.awaitWritable(START_TIMEOUT);
            int leader = ensemble.awaitLeader(START_TIMEOUT);
            int follower = ensemble.members().stream().map(EnsembleMember::id).filter(id -> id != leader)
                    .findFirst().orElseThrow();
            load.start(ensemble.members().stream().map(EnsembleMember::connectString).toList());
            long electionsBefore = electionLines(ensemble);

            EnsembleMember onLeader = ensemble.member(leader);
            String majority = Operator.bundleId(onLeader.configFile(), MAJORITY_BUNDLE);
            String active = "Quorum verifier 'majority' is active";
            long activeBefore = Operator.countLines(onLeader.logFile(), active);
            load.measure("leader " + leader + ": Gogo update of the majority verifier bundle in use",
                    () -> Operator.shell(onLeader.configFile(), "update " + majority),
                    () -> Operator.countLines(onLeader.logFile(), active) > activeBefore);

            EnsembleMember onFollower = ensemble.member(follower);
            SwapLoad.Row refused = load.measure("follower " + follower + ": zoo.cfg edit quorumVerifier=unanimous"
                    + " (refused)", () -> onFollower.editLiveConfig("quorumVerifier=unanimous\n"),
                    () -> Operator.countLines(onFollower.logFile(), REFUSED) == 1);
            assertEquals(0, refused.reconnects(), "nobody noticed the refused edit");

            assertEquals(leader, ensemble.awaitLeader(START_TIMEOUT), "the leader stays leader"
                    + ensemble.diagnostics());
            assertEquals(electionsBefore, electionLines(ensemble), "no member elected again"
                    + ensemble.diagnostics());
            load.finish("Verifier swaps under load (3-server ensemble)", ensemble.member(follower).connectString());
        }
    }

    private static long electionLines(Ensemble ensemble) {
        return ensemble.members().stream().mapToLong(member -> Operator.countLines(member.logFile(), ELECTED)).sum();
    }
}
