package dev.menagerie.quorum.impl.zab;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * One seeded run: peers boot, clients write and do register operations on every peer, and for a few seconds peers crash and restart, partitions come and
 * go, connections break, election messages are lost, duplicated and reordered, and the leader is asked to hand its
 * leadership to another voter. Then everything heals and the
 * ensemble must settle on one leader with every acknowledged write, and commit a new write within a bound; the
 * register clients' history must be linearizable.
 */
final class SimScenario {

    static final long MIN_CHAOS_MS = 2_000;
    static final long MAX_CHAOS_MS = 8_000;
    /** From the heal to a settled ensemble: elections with backoff, initLimit waits and syncs fit well inside. */
    static final long SETTLE_BOUND_MS = 30_000;
    /** How long one probe write may take on a settled ensemble before the client retries it. */
    static final long COMMIT_BOUND_MS = 1_000;
    /** From the heal to a committed probe write, retries included. */
    static final long PROGRESS_BOUND_MS = 40_000;

    private final SimEnsemble ensemble;
    private final SimWorld world;
    private final Random random;

    private SimScenario(long seed, boolean verbose) {
        SimEnsemble.Layout layout = switch ((int) Math.floorMod(seed, 3L)) {
            case 0 -> new SimEnsemble.Layout(3, 0);
            case 1 -> new SimEnsemble.Layout(5, 0);
            default -> new SimEnsemble.Layout(3, 1);
        };
        this.ensemble = new SimEnsemble(seed, verbose, layout);
        this.world = ensemble.world;
        this.random = world.random;
    }

    /**
     * What a run got through: client writes acknowledged, epochs established, register operations checked, and how
     * learners behind the committed window were synced: leaders' log reads and snapshots sent.
     */
    record Outcome(int acknowledgedWrites, int epochs, int registerOps, int logReads, int snapshotsSent) {
    }

    static Outcome run(long seed, boolean verbose) {
        return new SimScenario(seed, verbose).run();
    }

    private Outcome run() {
        for (SimPeer peer : ensemble.peers.values()) {
            world.at(random.nextInt(100), peer::boot);
        }
        long chaosMs = MIN_CHAOS_MS + random.nextInt((int) (MAX_CHAOS_MS - MIN_CHAOS_MS));
        // Some runs are calm and sparse, others write every few ms and fault every few hundred.
        ensemble.clientsWriteUntil(chaosMs, 5 + random.nextInt(70));
        ensemble.clients.start(2 + random.nextInt(4), chaosMs, 5 + random.nextInt(100));
        int faults = 1 + random.nextInt((int) (chaosMs / (200 + random.nextInt(800))));
        for (int i = 0; i < faults; i++) {
            world.at(300 + random.nextInt((int) chaosMs - 300), this::injectFault);
        }
        world.runUntil(chaosMs, () -> false);
        heal();
        long healedMs = world.now();
        settle("after healing", healedMs + SETTLE_BOUND_MS);
        ensemble.checkNoAcknowledgedWriteLost();
        checkProgress(healedMs);
        ensemble.clients.checkLinearizable();
        return new Outcome(ensemble.acknowledged.size(), ensemble.epochsEstablished(), ensemble.clients.operations(),
                world.logReads, world.snapshotsSent);
    }

    private void injectFault() {
        switch (random.nextInt(8)) {
            case 0 -> crashAndRestart(randomPeer());
            case 1 -> crashAndRestart(servingLeader());
            case 2 -> partitionFor(randomSide());
            case 3 -> partitionFor(servingLeader() == null ? randomSide() : Set.of(servingLeader().id));
            case 4 -> breakConnection();
            case 5 -> crashQuorum();
            case 6 -> transferLeadership();
            default -> ensemble.peers.values().forEach(this::crashAndRestart);
        }
    }

    /** Planned maintenance amid the faults: the serving leader hands its leadership to a random other voter. */
    private void transferLeadership() {
        SimPeer leader = servingLeader();
        List<Long> voters = ensemble.ids().stream().filter(id -> id <= ensemble.layout.voters()).toList();
        long target = voters.get(random.nextInt(voters.size()));
        if (leader != null) {
            world.note("leader " + leader.id + " is asked to hand its leadership to " + target);
            leader.leading.transfer(target);
        }
    }

    private void crashAndRestart(SimPeer peer) {
        if (peer == null || !peer.up) {
            return;
        }
        peer.crash();
        world.at(world.now() + 100 + random.nextInt(2500), () -> {
            if (!peer.up) {
                peer.boot();
            }
        });
    }

    /** Power loss on a majority at once: only what each had fsynced survives. */
    private void crashQuorum() {
        List<Long> ids = ensemble.ids();
        int count = ensemble.layout.voters() / 2 + 1;
        for (int i = 0; i < count; i++) {
            crashAndRestart(ensemble.peers.get(ids.get(random.nextInt(ids.size()))));
        }
    }

    private void partitionFor(Set<Long> side) {
        world.partition(side);
        world.at(world.now() + 300 + random.nextInt(3000), () -> world.partition(null));
    }

    private void breakConnection() {
        SimPeer peer = randomPeer();
        SimConnection connection = peer.learning == null ? null : peer.learning.connection();
        if (connection != null) {
            world.note("connection " + connection + " breaks");
            world.close(connection);
        }
    }

    private void heal() {
        world.note("everything heals");
        world.faults = SimWorld.Faults.CALM;
        world.partition(null);
        for (SimPeer peer : ensemble.peers.values()) {
            if (!peer.up) {
                peer.boot();
            }
        }
    }

    private void settle(String when, long deadlineMs) {
        long startMs = world.now();
        boolean settled = world.runUntil(deadlineMs, () -> ensemble.settledLeader() != null);
        world.check(settled, "the ensemble did not settle on one serving leader within " + (deadlineMs - startMs)
                + " ms " + when);
    }

    /**
     * Invariant 4: the healed ensemble commits a new write within a bound, and every peer gets it. A write whose
     * leader lost its quorum meanwhile (packets stalled before the heal may still arrive late) is retried, as a
     * client would, but only until the bound since the heal.
     */
    private void checkProgress(long healedMs) {
        long deadlineMs = healedMs + PROGRESS_BOUND_MS;
        while (true) {
            String probe = ensemble.submitWrite();
            world.check(probe != null, "no serving leader for the probe write");
            long attemptEndMs = Math.min(deadlineMs, world.now() + COMMIT_BOUND_MS);
            if (world.runUntil(attemptEndMs, () -> ensemble.acknowledged.containsKey(probe))) {
                break;
            }
            world.check(world.now() < deadlineMs, "no probe write committed within " + PROGRESS_BOUND_MS
                    + " ms of the heal");
            settle("before retrying the probe write", deadlineMs);
        }
        settle("after the probe write", world.now() + SETTLE_BOUND_MS);
        ensemble.checkNoAcknowledgedWriteLost();
    }

    private SimPeer randomPeer() {
        List<Long> ids = ensemble.ids();
        return ensemble.peers.get(ids.get(random.nextInt(ids.size())));
    }

    private SimPeer servingLeader() {
        for (SimPeer peer : ensemble.peers.values()) {
            if (peer.up && peer.leading != null && peer.leading.serving()) {
                return peer;
            }
        }
        return null;
    }

    private Set<Long> randomSide() {
        Set<Long> side = new HashSet<>();
        for (long id : ensemble.ids()) {
            if (random.nextBoolean()) {
                side.add(id);
            }
        }
        return side;
    }
}
