package dev.menagerie.it.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Menagerie and Apache ZooKeeper 3.9.5 servers in one ensemble, as in a rolling migration: election notifications
 * and Zab packets cross between the two implementations. Apache leads first (same zxid, highest id); killing it
 * makes a Menagerie server lead with an Apache follower, and so on. No acknowledged write may be lost.
 */
@Timeout(480)
class MixedEnsembleTest {

    private static final int CYCLES = 4;

    @Test
    void menagerieAndApacheServersLeadAndFollowEachOtherWithoutLosingWrites() throws Exception {
        Map<Integer, EnsembleMember.Impl> impls = Map.of(1, EnsembleMember.Impl.MENAGERIE, 2,
                EnsembleMember.Impl.MENAGERIE, 3, EnsembleMember.Impl.APACHE);
        try (Ensemble ensemble = Ensemble.startMixed(impls, EnsembleTest.layout(3, 0), "mixed",
                EnsembleTest.JVM_FLAGS)) {
            ensemble.awaitWritable(EnsembleTest.START_TIMEOUT);
            EnsembleTest.prepareLoad(ensemble);
            AckLedger ledger = new AckLedger();
            EnsembleLoad load = new EnsembleLoad(ensemble.connectString(), ledger, "mixed", 1_000_000,
                    Duration.ofMinutes(5));
            Set<EnsembleMember.Impl> leaders = EnumSet.noneOf(EnsembleMember.Impl.class);
            List<Long> failoverMs = new ArrayList<>();
            load.start(2);
            try (WriteProbe probe = new WriteProbe(ensemble.connectString())) {
                for (int cycle = 1; cycle <= CYCLES; cycle++) {
                    int leader = ensemble.awaitLeader(EnsembleTest.FAILOVER_TIMEOUT);
                    EnsembleMember.Impl leaderImpl = ensemble.member(leader).impl();
                    EnsembleTest.awaitMoreWrites(load, 200, "while " + leaderImpl.label() + " server " + leader
                            + " leads", ensemble);
                    leaders.add(leaderImpl);
                    long killedNs = System.nanoTime();
                    ensemble.kill(leader);
                    Duration toWrite = probe.awaitWrite(EnsembleTest.FAILOVER_TIMEOUT);
                    assertTrue(toWrite != null, "no write after killing " + leaderImpl.label() + " leader " + leader
                            + " (" + probe.lastFailure() + ")" + ensemble.diagnostics());
                    failoverMs.add((System.nanoTime() - killedNs) / 1_000_000);
                    ensemble.restart(leader);
                    ensemble.awaitServing(leader, EnsembleTest.START_TIMEOUT);
                    System.out.printf("mixed cycle %d: killed %s leader %d, first write after %d ms%n", cycle,
                            leaderImpl.label(), leader, failoverMs.get(failoverMs.size() - 1));
                }
            } finally {
                load.stopAndAwait(EnsembleTest.FAILOVER_TIMEOUT);
            }
            assertEquals(EnumSet.allOf(EnsembleMember.Impl.class), leaders,
                    "both implementations led the mixed ensemble at some point");
            assertEquals(List.of(), load.unexpectedErrors(), "writer errors");
            EnsembleTest.assertLedgerOnEveryMember(ensemble, ledger);
            System.out.println("mixed ensemble: " + ledger.size() + " acknowledged writes on every server;"
                    + " failover " + Stats.summary(failoverMs));
        }
    }
}
