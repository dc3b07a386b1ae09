package dev.menagerie.it.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * {@code electionType=priority} across three server processes, server 1 preferred: it wins the first election
 * among equal logs (under {@code fast} server 3 would), a failover elects another, server 1 comes back as a
 * follower (no election while a leader stands), and leads again at the next election. Menagerie only: Apache has
 * no priority election. Two failovers of three processes take about 90 s on a busy 2-core machine, more than the
 * default run can spend, so it runs with {@code -Dmenagerie.it.priority=true} (docs/plugins.md, "Tests").
 */
@EnabledIfSystemProperty(named = "menagerie.it.priority", matches = "true",
        disabledReason = "about 90 s: run with -Dmenagerie.it.priority=true (docs/plugins.md)")
class PriorityElectionEnsembleTest {

    private static final String PRIORITY_ON_1 = "electionType=priority\nelectionPriority.1=10\n";

    @Test
    void thePreferredServerLeadsAtEveryElectionItCanWinAndOnlyThen() throws Exception {
        EnsembleMember.Impl menagerie = EnsembleMember.Impl.MENAGERIE;
        try (Ensemble ensemble = Ensemble.startMixed(Map.of(1, menagerie, 2, menagerie, 3, menagerie),
                EnsembleTest.layout(3, 0), "priority", EnsembleTest.JVM_FLAGS, id -> PRIORITY_ON_1)) {
            ensemble.awaitWritable(EnsembleTest.START_TIMEOUT);
            assertEquals(1, ensemble.awaitLeader(EnsembleTest.START_TIMEOUT), "equal logs: priority decides");

            ensemble.kill(1);
            int second = ensemble.awaitLeader(EnsembleTest.FAILOVER_TIMEOUT);
            assertNotEquals(1, second);
            ensemble.awaitWritable(EnsembleTest.FAILOVER_TIMEOUT);

            ensemble.restart(1);
            ensemble.awaitMode(1, "follower", EnsembleTest.FAILOVER_TIMEOUT);
            assertEquals(second, ensemble.awaitLeader(EnsembleTest.CHECK_TIMEOUT),
                    "a returning preferred server follows the standing leader");

            ensemble.kill(second);
            assertEquals(1, ensemble.awaitLeader(EnsembleTest.FAILOVER_TIMEOUT),
                    "at the next election the preferred server, as up to date as the other, leads again");
            ensemble.awaitWritable(EnsembleTest.FAILOVER_TIMEOUT);
        }
    }
}
