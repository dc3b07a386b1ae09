package dev.menagerie.it.process.optin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.menagerie.it.process.Ensemble;
import dev.menagerie.it.process.EnsembleLayout;
import dev.menagerie.it.process.EnsembleMember;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code electionType=priority} across three server processes, server 1 preferred: it wins the first election
 * it takes part in among equal logs (under {@code fast} server 3 would), a failover elects another, server 1 comes back as a
 * follower (no election while a leader stands), and leads again at the next election. Menagerie only: Apache has
 * no priority election. Two failovers of three processes take about 90 s on a busy 2-core machine, more than the
 * default run can spend: like everything under {@code optin}, the default run leaves it out, and
 * {@code -Dtest=PriorityElectionEnsembleTest} runs it (docs/plugins.md, "Tests").
 */
class PriorityElectionEnsembleTest {

    private static final List<String> JVM_FLAGS = List.of("-Xmx512m");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration FAILOVER_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(60);
    private static final String PRIORITY_ON_1 = "electionType=priority\nelectionPriority.1=10\n";

    @Test
    void thePreferredServerLeadsAtEveryElectionItCanWinAndOnlyThen() throws Exception {
        EnsembleMember.Impl menagerie = EnsembleMember.Impl.MENAGERIE;
        try (Ensemble ensemble = Ensemble.startMixed(Map.of(1, menagerie, 2, menagerie, 3, menagerie),
                EnsembleLayout.of(3, 0, 1_000, 10, 3), "priority", JVM_FLAGS, id -> PRIORITY_ON_1)) {
            ensemble.awaitWritable(START_TIMEOUT);
            int first = ensemble.awaitLeader(START_TIMEOUT);
            if (first != 1) {
                // Server 1's JVM came up after the other two had elected without it (a preferred server can win
                // only an election it takes part in): the next election, with server 1, must go to it.
                ensemble.kill(first);
                assertEquals(1, ensemble.awaitLeader(FAILOVER_TIMEOUT), "equal logs: priority decides");
                ensemble.restart(first);
                ensemble.awaitMode(first, "follower", FAILOVER_TIMEOUT);
            }
            assertEquals(1, ensemble.awaitLeader(START_TIMEOUT), "equal logs: priority decides");

            ensemble.kill(1);
            int second = ensemble.awaitLeader(FAILOVER_TIMEOUT);
            assertNotEquals(1, second);
            ensemble.awaitWritable(FAILOVER_TIMEOUT);

            ensemble.restart(1);
            ensemble.awaitMode(1, "follower", FAILOVER_TIMEOUT);
            assertEquals(second, ensemble.awaitLeader(CHECK_TIMEOUT),
                    "a returning preferred server follows the standing leader");

            ensemble.kill(second);
            assertEquals(1, ensemble.awaitLeader(FAILOVER_TIMEOUT),
                    "at the next election the preferred server, as up to date as the other, leads again");
            ensemble.awaitWritable(FAILOVER_TIMEOUT);
        }
    }
}
