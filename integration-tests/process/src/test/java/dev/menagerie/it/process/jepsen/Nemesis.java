package dev.menagerie.it.process.jepsen;

import dev.menagerie.it.process.Ensemble;
import dev.menagerie.it.process.EnsembleMember;
import dev.menagerie.testing.Await;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Faults one at a time, each kind in turn in a random order per round (so ten faults see every kind): a SIGKILL
 * then a restart, a SIGSTOP then a SIGCONT, a majority/minority partition, an isolated leader, one-way loss on the
 * links from or to a server, a bridge (two halves that each see only the middle server), latency on a server's links
 * and a slow disk on a server. A fault aimed at one server hits the leader in two cases of five. After the heal every
 * server must serve again before the next fault. Keeps the schedule it applied.
 */
final class Nemesis {

    /** The control file, relative to each dataDir, given to Menagerie's {@code menagerie.storage.faultControl}. */
    static final String SLOW_DISK_CONTROL = "slow-disk-ms";

    private static final Duration HEAL_TIMEOUT = Duration.ofSeconds(90);
    private static final long[] LATENCIES_MS = {50, 200, 500};
    private static final long[] FSYNC_DELAYS_MS = {100, 500, 1_500};

    /** What the nemesis can do. */
    enum Kind { KILL, PAUSE, PARTITION, ISOLATE_LEADER, ONE_WAY_LOSS, BRIDGE, LATENCY, SLOW_DISK }

    private final Ensemble ensemble;
    private final NetworkProxy network;
    private final Random random;
    private final long originNs;
    private final BooleanSupplier clientsFailed;
    private final Set<Kind> kinds;
    private final List<Kind> round = new ArrayList<>();
    private final List<String> schedule = new ArrayList<>();
    private int faults;

    /**
     * {@code clientsFailed} ends a fault early with an error once the clients saw an unexpected answer; a slow disk
     * needs Menagerie servers started with {@code -Dmenagerie.storage.faultControl=}{@value #SLOW_DISK_CONTROL}.
     */
    Nemesis(Ensemble ensemble, NetworkProxy network, Random random, long originNs, BooleanSupplier clientsFailed,
            Set<Kind> kinds) {
        this.ensemble = ensemble;
        this.network = network;
        this.random = random;
        this.originNs = originNs;
        this.clientsFailed = clientsFailed;
        this.kinds = EnumSet.copyOf(kinds);
    }

    int faults() {
        return faults;
    }

    List<String> schedule() {
        return List.copyOf(schedule);
    }

    void injectOne() throws IOException, InterruptedException {
        if (round.isEmpty()) {
            round.addAll(kinds);
            Collections.shuffle(round, random);
        }
        Kind kind = round.remove(0);
        List<Integer> ids = ensemble.members().stream().map(EnsembleMember::id).toList();
        int leader = leader();
        int target = leader > 0 && random.nextInt(5) < 2 ? leader : ids.get(random.nextInt(ids.size()));
        String who = "server " + target + (target == leader ? " (leader)" : "");
        Duration hold = Duration.ofMillis(kind == Kind.KILL || kind == Kind.PAUSE ? 1_000 + random.nextInt(2_000)
                : 2_000 + random.nextInt(2_000));
        String what = switch (kind) {
            case KILL -> "SIGKILL " + who;
            case PAUSE -> "SIGSTOP " + who;
            case PARTITION -> partition(ids);
            case ISOLATE_LEADER -> isolate(leader > 0 ? leader : target, ids, leader);
            case ONE_WAY_LOSS -> oneWayLoss(target, who, ids);
            case BRIDGE -> bridge(ids);
            case LATENCY -> latency(target, who, ids);
            case SLOW_DISK -> slowDisk(target, who);
        };
        log(what + " for " + hold.toMillis() + " ms");
        switch (kind) {
            case KILL -> ensemble.kill(target);
            case PAUSE -> ensemble.pause(target);
            default -> {
                // applied while choosing it, so the schedule line and the fault agree
            }
        }
        faults++;
        try {
            Await.nothingWithin("a client got an unexpected answer during: " + what, hold, clientsFailed);
        } finally {
            switch (kind) {
                case KILL -> ensemble.restart(target);
                case PAUSE -> ensemble.resume(target);
                default -> healAll();
            }
        }
        long healNs = System.nanoTime();
        log("healed: " + what);
        try {
            for (int id : ids) {
                ensemble.awaitServing(id, HEAL_TIMEOUT);
            }
        } catch (IllegalStateException notServing) {
            throw new IllegalStateException("after the heal of: " + what + "; proxied connections per link now: "
                    + network.describe() + "\n" + notServing.getMessage(), notServing);
        }
        log("every server serving again after " + (System.nanoTime() - healNs) / 1_000_000 + " ms");
        Await.nothingWithin("a client got an unexpected answer between faults",
                Duration.ofMillis(500 + random.nextInt(1_000)), clientsFailed);
    }

    /** Heals the network and the disks (processes are {@link Ensemble#restoreAll}'s business). */
    void healAll() throws IOException {
        network.healAll();
        if (kinds.contains(Kind.SLOW_DISK)) {
            for (EnsembleMember member : ensemble.members()) {
                Files.writeString(slowDiskControl(member), "0\n");
            }
        }
    }

    private String partition(List<Integer> ids) {
        List<Integer> shuffled = shuffled(ids);
        int minority = 1 + random.nextInt(ids.size() / 2);
        return split(List.of(shuffled.subList(0, minority), shuffled.subList(minority, shuffled.size())), "");
    }

    private String isolate(int server, List<Integer> ids, int leader) {
        List<Integer> others = ids.stream().filter(id -> id != server).toList();
        return split(List.of(List.of(server), others), server == leader ? " (isolated leader)"
                : " (no single leader; isolated a random server)");
    }

    /** Cuts every pair of servers in different groups. */
    private String split(List<List<Integer>> groups, String note) {
        for (int g = 0; g < groups.size(); g++) {
            for (int h = g + 1; h < groups.size(); h++) {
                for (int a : groups.get(g)) {
                    for (int b : groups.get(h)) {
                        network.cut(a, b);
                    }
                }
            }
        }
        return "partition " + groups + note;
    }

    private String oneWayLoss(int target, String who, List<Integer> ids) {
        boolean outgoing = random.nextBoolean();
        for (int other : ids) {
            if (other != target) {
                if (outgoing) {
                    network.hold(target, other);
                } else {
                    network.hold(other, target);
                }
            }
        }
        return "one-way loss of every byte " + (outgoing ? "from " : "to ") + who;
    }

    /** Jepsen's bridge: two halves that each see only the middle server, which sees everyone. */
    private String bridge(List<Integer> ids) {
        List<Integer> shuffled = shuffled(ids);
        int half = (ids.size() - 1) / 2;
        List<Integer> left = shuffled.subList(0, half);
        int middle = shuffled.get(half);
        List<Integer> right = shuffled.subList(half + 1, shuffled.size());
        for (int a : left) {
            for (int b : right) {
                network.cut(a, b);
            }
        }
        return "bridge " + left + " <-> " + middle + " <-> " + right;
    }

    private String latency(int target, String who, List<Integer> ids) {
        long latencyMs = LATENCIES_MS[random.nextInt(LATENCIES_MS.length)];
        for (int other : ids) {
            if (other != target) {
                network.delay(target, other, latencyMs);
            }
        }
        return latencyMs + " ms latency each way on every link of " + who;
    }

    private String slowDisk(int target, String who) throws IOException {
        long delayMs = FSYNC_DELAYS_MS[random.nextInt(FSYNC_DELAYS_MS.length)];
        Files.writeString(slowDiskControl(ensemble.member(target)), delayMs + "\n");
        return "slow disk (" + delayMs + " ms per fsync) on " + who;
    }

    private static Path slowDiskControl(EnsembleMember member) {
        return member.dataDir().resolve(SLOW_DISK_CONTROL);
    }

    private List<Integer> shuffled(List<Integer> ids) {
        List<Integer> shuffled = new ArrayList<>(ids);
        Collections.shuffle(shuffled, random);
        return shuffled;
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
