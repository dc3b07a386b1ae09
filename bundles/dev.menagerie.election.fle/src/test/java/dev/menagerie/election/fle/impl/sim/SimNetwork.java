package dev.menagerie.election.fle.impl.sim;

import dev.menagerie.election.fle.impl.wire.MalformedMessageException;
import dev.menagerie.election.fle.impl.wire.Notification;
import dev.menagerie.election.fle.impl.wire.NotificationCodec;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * Election connections between simulated peers: messages travel as real notification bytes, with random delays
 * (so they reorder, also on one link), duplicates, losses and partitions. A message only arrives while both ends
 * are up, in the same incarnation, and on the same side of a partition. Like Apache's connection manager, a link
 * that comes back re-sends the last notification sent on it.
 */
final class SimNetwork {

    /** How hostile the network is. */
    record Faults(int maxDelayMs, double dropRate, double duplicateRate, double slowRate) {
        static final Faults ORDERLY = new Faults(80, 0, 0.05, 0);
        static final Faults HOSTILE = new Faults(150, 0.05, 0.05, 0.03);
        static final Faults CALM = new Faults(40, 0, 0, 0);
    }

    interface Receiver {
        void deliver(long from, long to, Notification n);
    }

    private final Simulation sim;
    private final Random random;
    private Faults faults;
    private final Map<Long, Integer> sideById = new HashMap<>();
    private final Map<String, byte[]> lastSentByLink = new HashMap<>();

    SimNetwork(Simulation sim, Random random, Faults faults) {
        this.sim = sim;
        this.random = random;
        this.faults = faults;
    }

    void setFaults(Faults faults) {
        this.faults = faults;
    }

    /** Puts every listed id on side 1 and everyone else on side 0; null heals the partition. */
    void partition(java.util.Set<Long> sideOne) {
        boolean healing = sideOne == null;
        for (long id : sim.ids()) {
            sideById.put(id, !healing && sideOne.contains(id) ? 1 : 0);
        }
        if (healing) {
            resendLastMessages();
        }
    }

    boolean connected(long a, long b) {
        return sim.isUp(a) && sim.isUp(b) && sideById.getOrDefault(a, 0).equals(sideById.getOrDefault(b, 0));
    }

    void send(long from, long to, Notification n) {
        byte[] bytes = NotificationCodec.encode(n);
        lastSentByLink.put(from + ">" + to, bytes);
        transmit(from, to, bytes);
    }

    /** After a heal or a restart: every live link re-sends what was last sent on it. */
    void resendLastMessages() {
        for (long from : sim.ids()) {
            for (long to : sim.ids()) {
                byte[] last = lastSentByLink.get(from + ">" + to);
                if (last != null && from != to) {
                    transmit(from, to, last);
                }
            }
        }
    }

    private void transmit(long from, long to, byte[] bytes) {
        if (!connected(from, to) || random.nextDouble() < faults.dropRate()) {
            return;
        }
        schedule(from, to, bytes);
        if (random.nextDouble() < faults.duplicateRate()) {
            schedule(from, to, bytes);
        }
    }

    private void schedule(long from, long to, byte[] bytes) {
        long delayMs = 1 + random.nextInt(faults.maxDelayMs());
        if (random.nextDouble() < faults.slowRate()) {
            delayMs += random.nextInt(2000);
        }
        int fromIncarnation = sim.incarnation(from);
        int toIncarnation = sim.incarnation(to);
        sim.at(sim.now() + delayMs, () -> {
            if (connected(from, to) && sim.incarnation(from) == fromIncarnation
                    && sim.incarnation(to) == toIncarnation) {
                sim.deliver(from, to, decode(bytes));
            }
        });
    }

    private static Notification decode(byte[] bytes) {
        try {
            return NotificationCodec.decode(bytes);
        } catch (MalformedMessageException e) {
            throw new AssertionError("our own encoding must decode", e);
        }
    }
}
