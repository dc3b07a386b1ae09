package dev.menagerie.it.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Planned maintenance on three server processes under a continuous write load: the admin command
 * {@code transfer_leadership} of a Menagerie leader moves leadership to a named follower, an Apache ZooKeeper 3.9.5
 * server (so the transfer is shown to need nothing new from the other servers); then, for comparison in the same
 * run, that new leader is killed with SIGKILL. Prints the write unavailability of both (the longest time between
 * two acknowledged writes after each event); asserts only that the target leads, the old leader follows and no
 * acknowledged write is lost.
 */
class LeadershipTransferEnsembleTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration SETTLE = Duration.ofMillis(1_500);
    private static final Pattern HANDOVER_MS = Pattern.compile("\"handover_ms\"\\s*:\\s*(-?\\d+)");
    private static final Pattern TRANSFERRED = Pattern.compile("\"transferred\"\\s*:\\s*true");

    @Test
    void aTransferMovesLeadershipToTheNamedFollowerAndLosesNoAcknowledgedWrite() throws Exception {
        int target = 1;
        Map<Integer, EnsembleMember.Impl> impls = Map.of(target, EnsembleMember.Impl.APACHE,
                2, EnsembleMember.Impl.MENAGERIE, 3, EnsembleMember.Impl.MENAGERIE);
        try (Ensemble ensemble = Ensemble.startMixed(impls, EnsembleTest.layout(3, 0), "transfer",
                EnsembleTest.JVM_FLAGS)) {
            ensemble.awaitWritable(EnsembleTest.START_TIMEOUT);
            if (ensemble.awaitLeader(TIMEOUT) == target) {
                // Only a Menagerie leader transfers: let one of the others lead first.
                ensemble.restart(target);
                ensemble.awaitServing(target, EnsembleTest.START_TIMEOUT);
            }
            int oldLeader = ensemble.awaitLeader(TIMEOUT);
            assertNotEquals(target, oldLeader);
            EnsembleTest.prepareLoad(ensemble);
            AckLedger ledger = new AckLedger();
            EnsembleLoad load = new EnsembleLoad(ensemble.connectString(), ledger, "transfer", 1_000_000,
                    Duration.ofMinutes(2));
            load.start(2);
            try {
                EnsembleTest.awaitMoreWrites(load, 100, "before the transfer", ensemble);
                long transferNs = System.nanoTime();
                String answer = transfer(ensemble.member(oldLeader), target);
                assertTrue(TRANSFERRED.matcher(answer).find(), "transfer_leadership answered " + answer);
                assertEquals(target, ensemble.awaitLeader(TIMEOUT), "the elected leader");
                ensemble.awaitMode(oldLeader, "follower", TIMEOUT);
                EnsembleTest.awaitMoreWrites(load, 100, "after the transfer", ensemble);
                long transferGapMs = ledger.longestGapMs(transferNs, System.nanoTime());

                long killNs = System.nanoTime();
                ensemble.kill(target);
                int next = ensemble.awaitLeader(TIMEOUT);
                assertNotEquals(target, next);
                EnsembleTest.awaitMoreWrites(load, 100, "after the leader was killed", ensemble);
                long killGapMs = ledger.longestGapMs(killNs, System.nanoTime());
                System.out.printf("menagerie write unavailability: leadership transfer to an Apache follower %d ms"
                        + " (handover_ms %s), SIGKILL of that leader %d ms; %d writes acknowledged%n", transferGapMs,
                        handoverMs(answer), killGapMs, ledger.size());
            } finally {
                load.stopAndAwait(TIMEOUT);
            }
            assertEquals(List.of(), load.unexpectedErrors(), "writer errors");
            for (EnsembleMember member : ensemble.members()) {
                if (member.id() != target) {
                    EnsembleTest.assertLedgerOn(ensemble, member.id(), ledger);
                }
            }
        }
    }

    /** POSTs transfer_leadership to the leader's admin server, authenticated as the root's ACL (world) allows. */
    private static String transfer(EnsembleMember leader, int target) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + leader.adminPort() + "/commands/transfer_leadership?target="
                + target);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Authorization", "digest ops:x")
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    private static String handoverMs(String answer) {
        Matcher matcher = HANDOVER_MS.matcher(answer);
        return matcher.find() ? matcher.group(1) : "missing";
    }
}
