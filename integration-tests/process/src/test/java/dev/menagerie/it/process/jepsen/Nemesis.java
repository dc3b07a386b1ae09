package dev.menagerie.it.process.jepsen;

import dev.menagerie.it.process.Ensemble;
import dev.menagerie.it.process.EnsembleMember;
import dev.menagerie.testing.Await;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BooleanSupplier;

/**
 * Faults one at a time on a random server, the leader in two cases of five: SIGKILL then a restart, or SIGSTOP then
 * SIGCONT, held for 1-3 s; the server must serve again before the next fault. Keeps the schedule it applied.
 */
final class Nemesis {

    private static final Duration HEAL_TIMEOUT = Duration.ofSeconds(90);

    private final Ensemble ensemble;
    private final Random random;
    private final long originNs;
    private final BooleanSupplier clientsFailed;
    private final List<String> schedule = new ArrayList<>();
    private int faults;

    /** {@code clientsFailed} ends a fault early with an error once the clients saw an unexpected answer. */
    Nemesis(Ensemble ensemble, Random random, long originNs, BooleanSupplier clientsFailed) {
        this.ensemble = ensemble;
        this.random = random;
        this.originNs = originNs;
        this.clientsFailed = clientsFailed;
    }

    int faults() {
        return faults;
    }

    List<String> schedule() {
        return List.copyOf(schedule);
    }

    void injectOne() throws IOException, InterruptedException {
        List<Integer> ids = ensemble.members().stream().map(EnsembleMember::id).toList();
        int leader = leader();
        int target = leader > 0 && random.nextInt(5) < 2 ? leader : ids.get(random.nextInt(ids.size()));
        boolean kill = random.nextBoolean();
        Duration hold = Duration.ofMillis(1_000 + random.nextInt(2_000));
        String who = "server " + target + (target == leader ? " (leader)" : "");
        log((kill ? "SIGKILL " : "SIGSTOP ") + who + " for " + hold.toMillis() + " ms");
        if (kill) {
            ensemble.kill(target);
        } else {
            ensemble.pause(target);
        }
        faults++;
        Await.nothingWithin("a client got an unexpected answer while " + who + " was down", hold, clientsFailed);
        if (kill) {
            ensemble.restart(target);
        } else {
            ensemble.resume(target);
        }
        long healNs = System.nanoTime();
        log((kill ? "restarted " : "SIGCONT ") + who);
        ensemble.awaitServing(target, HEAL_TIMEOUT);
        log("server " + target + " serving again after " + (System.nanoTime() - healNs) / 1_000_000 + " ms");
        Await.nothingWithin("a client got an unexpected answer between faults",
                Duration.ofMillis(500 + random.nextInt(1_000)), clientsFailed);
    }

    /** The id of the one server that says it leads, or 0 during an election. */
    private int leader() {
        List<Integer> leaders = ensemble.modes().entrySet().stream().filter(e -> e.getValue().equals("leader"))
                .map(Map.Entry::getKey).toList();
        return leaders.size() == 1 ? leaders.get(0) : 0;
    }

    private void log(String what) {
        String line = String.format("%10.3f ms  %s", (System.nanoTime() - originNs) / 1e6, what);
        schedule.add(line);
        System.out.println("nemesis " + line);
    }
}
