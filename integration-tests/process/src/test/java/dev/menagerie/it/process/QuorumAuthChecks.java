package dev.menagerie.it.process;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;

/**
 * What the quorum authentication tests (SASL with DIGEST-MD5 or Kerberos) check on a running ensemble: writes keep
 * being acknowledged, a server with the wrong credentials stays out while the others serve, and every
 * acknowledged write is on every member at the end.
 */
final class QuorumAuthChecks {

    /** What a test does while {@link #underLoad} keeps writing. */
    interface Steps {
        void run(EnsembleLoad load) throws Exception;
    }

    /** Waits for the log line that says why a server was kept out; returns it. */
    interface Refusal {
        String await() throws Exception;
    }

    private QuorumAuthChecks() {
    }

    /**
     * Runs {@code steps} while one writer writes through the whole connect string, after its first 100 writes;
     * then asserts the writer saw no unexpected error and each member holds every acknowledged write (read with
     * Apache's Java client from that member alone).
     */
    static void underLoad(Ensemble ensemble, String name, Steps steps) throws Exception {
        EnsembleTest.prepareLoad(ensemble);
        AckLedger ledger = new AckLedger();
        EnsembleLoad load = new EnsembleLoad(ensemble.connectString(), ledger, name, 1_000_000,
                Duration.ofMinutes(4));
        load.start(1);
        try {
            EnsembleTest.awaitMoreWrites(load, 100, "with quorum authentication (" + name + ")", ensemble);
            steps.run(load);
        } finally {
            load.stopAndAwait(EnsembleTest.FAILOVER_TIMEOUT);
        }
        assertEquals(List.of(), load.unexpectedErrors(), "writer errors");
        EnsembleTest.assertLedgerOnEveryMember(ensemble, ledger);
    }

    /**
     * Restarts {@code outsider} with {@code extraConfig} (credentials that must not get it in), waits for the
     * {@code refusal} line, and asserts that the others keep acknowledging writes while it does not serve.
     *
     * @return the refusal line
     */
    static String assertKeptOut(Ensemble ensemble, EnsembleLoad load, int outsider, String extraConfig,
            String credentials, Refusal refusal) throws Exception {
        ensemble.kill(outsider);
        ensemble.member(outsider).setExtraConfig(extraConfig);
        ensemble.restart(outsider);
        String line = refusal.await();
        EnsembleTest.awaitMoreWrites(load, 100, "while server " + outsider + " has " + credentials, ensemble);
        assertEquals("none", ensemble.member(outsider).mode(Duration.ofSeconds(2)),
                "a server with " + credentials + " joined; modes " + ensemble.modes());
        return line;
    }

    /** Restarts {@code outsider} with {@code extraConfig} (the right credentials); it serves and takes writes. */
    static void assertRejoins(Ensemble ensemble, EnsembleLoad load, int outsider, String extraConfig)
            throws Exception {
        ensemble.kill(outsider);
        ensemble.member(outsider).setExtraConfig(extraConfig);
        ensemble.restart(outsider);
        ensemble.awaitServing(outsider, EnsembleTest.START_TIMEOUT);
        EnsembleTest.awaitMoreWrites(load, 100, "after server " + outsider + " rejoined", ensemble);
    }
}
