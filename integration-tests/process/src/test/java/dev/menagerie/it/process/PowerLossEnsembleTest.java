package dev.menagerie.it.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A 3-server Menagerie ensemble whose storage keeps every byte not yet fsynced in memory
 * ({@code -Dmenagerie.storage.simulatePowerLoss=true}), so that a SIGKILL loses what a power cut would, not less:
 * the leader, then a majority, then all three servers are killed at once under write load and restarted (with a
 * small snapCount, so that snapshots are cut too), and no acknowledged write may be missing on any of them. A
 * missing or misplaced fsync shows here, where the plain crash tests keep the page cache. System property: powerloss.cycles (3: leader, majority, all; repeated in that order).
 */
class PowerLossEnsembleTest {

    private static final String POWER_LOSS_FLAG = "-Dmenagerie.storage.simulatePowerLoss=true";
    private static final String POWER_LOSS_WARNING = "durability of";
    private static final int CYCLES = Integer.getInteger("powerloss.cycles", 3);
    private static final int WRITERS = 2;
    private static final int MAX_OPS_PER_WRITER = 1_000_000;
    private static final int WRITES_BETWEEN_KILLS = 100;
    /** Small, so that the cuts also land around snapshots (a server snapshots after 100 to 200 transactions). */
    private static final int SNAP_COUNT = 200;

    private enum Victims { LEADER, MAJORITY, ALL }

    @Test
    void everyAcknowledgedWriteSurvivesPowerCutsOfTheLeaderAMajorityAndAllServers() throws Exception {
        AckLedger ledger = new AckLedger();
        Map<Integer, EnsembleMember.Impl> menagerie = Map.of(1, EnsembleMember.Impl.MENAGERIE,
                2, EnsembleMember.Impl.MENAGERIE, 3, EnsembleMember.Impl.MENAGERIE);
        try (Ensemble ensemble = Ensemble.startMixed(menagerie, EnsembleTest.layout(3, 0), "power-loss",
                List.of("-Xmx512m", POWER_LOSS_FLAG), id -> "\nsnapCount=" + SNAP_COUNT + "\n")) {
            ensemble.awaitWritable(EnsembleTest.START_TIMEOUT);
            for (EnsembleMember member : ensemble.members()) {
                ensemble.awaitOutputOf(member.id(), POWER_LOSS_WARNING, EnsembleTest.START_TIMEOUT);
            }
            EnsembleTest.prepareLoad(ensemble);
            EnsembleLoad load = new EnsembleLoad(ensemble.connectString(), ledger, "power", MAX_OPS_PER_WRITER,
                    Duration.ofMinutes(3));
            load.start(WRITERS);
            try {
                for (int cycle = 0; cycle < CYCLES; cycle++) {
                    Victims victims = Victims.values()[cycle % Victims.values().length];
                    EnsembleTest.awaitMoreWrites(load, WRITES_BETWEEN_KILLS, "before cutting " + victims, ensemble);
                    List<Integer> killed = victims(ensemble, victims);
                    for (int id : killed) {
                        ensemble.kill(id);
                    }
                    for (int id : killed) {
                        ensemble.restart(id);
                    }
                    for (int id : killed) {
                        ensemble.awaitServing(id, EnsembleTest.START_TIMEOUT);
                    }
                    EnsembleTest.awaitMoreWrites(load, WRITES_BETWEEN_KILLS, "after cutting " + victims + " "
                            + killed, ensemble);
                    System.out.printf("power-loss cycle %d: cut %s %s, %d writes acknowledged, %d failed%n",
                            cycle + 1, victims, killed, load.acknowledged(), load.failed());
                }
            } finally {
                load.stopAndAwait(EnsembleTest.FAILOVER_TIMEOUT);
            }
            assertEquals(List.of(), load.unexpectedErrors(), "writer errors");
            assertTrue(ledger.size() >= 2L * CYCLES * WRITES_BETWEEN_KILLS, "only " + ledger.size() + " writes");
            // Once more all at once, with the load stopped: what every server holds now must be on its disk.
            for (EnsembleMember member : ensemble.members()) {
                ensemble.kill(member.id());
            }
            ensemble.restoreAll(EnsembleTest.START_TIMEOUT);
            EnsembleTest.assertLedgerOnEveryMember(ensemble, ledger);
        }
    }

    /** The leader first (its proposals are the newest), then followers as needed. */
    private static List<Integer> victims(Ensemble ensemble, Victims victims) throws InterruptedException {
        int leader = ensemble.awaitLeader(EnsembleTest.FAILOVER_TIMEOUT);
        List<Integer> followers = ensemble.members().stream().map(EnsembleMember::id).filter(id -> id != leader)
                .toList();
        return switch (victims) {
            case LEADER -> List.of(leader);
            case MAJORITY -> List.of(leader, followers.get(0));
            case ALL -> List.of(leader, followers.get(0), followers.get(1));
        };
    }
}
