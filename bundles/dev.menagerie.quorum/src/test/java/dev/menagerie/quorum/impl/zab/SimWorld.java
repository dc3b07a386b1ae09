package dev.menagerie.quorum.impl.zab;

import dev.menagerie.election.fle.impl.wire.Notification;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The simulated clock, event queue and networks of one seeded run, all driven by one {@link Random}. Election
 * notifications travel as datagrams that may be lost, duplicated, delayed and reordered; Zab packets travel on
 * {@link SimConnection}s. Both only cross between live peers on the same side of a partition.
 */
final class SimWorld {

    /** How hostile the networks and disks are. */
    record Faults(double electionDropRate, double electionDuplicateRate, int electionMaxDelayMs, double slowRate,
            int zabMaxDelayMs, double zabStallRate, int diskMaxLatencyMs) {
        static final Faults CALM = new Faults(0, 0, 20, 0, 5, 0, 5);

        /** A hostile mix for one run: some runs lose many notifications, some stall connections past syncLimit. */
        static Faults hostile(Random random) {
            return new Faults(random.nextDouble() * 0.2, random.nextDouble() * 0.1, 10 + random.nextInt(100),
                    random.nextDouble() * 0.05, 2 + random.nextInt(30), random.nextDouble() * 0.01,
                    2 + random.nextInt(30));
        }
    }

    private record Event(long atMs, long sequence, Runnable action) {
    }

    /** One direction of an election connection: messages under way and the one waiting to be sent. */
    private static final class ElectionLink {
        int inFlight;
        Notification waiting;
    }

    /** Every run stops after this many events: a livelock fails instead of hanging the build. */
    static final long MAX_EVENTS = 2_000_000;
    private static final int TRACE_LINES = 40;
    private static final int MAX_IN_FLIGHT = 2;

    final long seed;
    final Random random;
    final boolean verbose;
    /** Leaders' reads of their log to sync a learner behind the committed window, and snapshots sent. */
    int logReads;
    int snapshotsSent;
    Faults faults;
    private final PriorityQueue<Event> events = new PriorityQueue<>(
            (a, b) -> a.atMs != b.atMs ? Long.compare(a.atMs, b.atMs) : Long.compare(a.sequence, b.sequence));
    private final Map<Long, Integer> sideById = new HashMap<>();
    private final Map<Long, SimPeer> peers;
    private final Map<String, Notification> lastSentByLink = new HashMap<>();
    private final Map<Long, ElectionLink> electionLinks = new HashMap<>();
    private final ArrayDeque<String> trace = new ArrayDeque<>();
    private long nowMs;
    private long sequence;
    private long eventCount;
    private String layoutName = "";

    SimWorld(long seed, boolean verbose, Map<Long, SimPeer> peers) {
        this.seed = seed;
        this.random = new Random(seed);
        this.verbose = verbose;
        this.peers = peers;
        this.faults = Faults.hostile(random);
    }

    void setLayoutName(String layoutName) {
        this.layoutName = layoutName;
    }

    long now() {
        return nowMs;
    }

    void at(long atMs, Runnable action) {
        events.add(new Event(Math.max(atMs, nowMs), sequence++, action));
    }

    /** Runs events up to {@code endMs}, or until {@code done} holds after an event; true when it held. */
    boolean runUntil(long endMs, BooleanSupplier done) {
        while (!events.isEmpty() && events.peek().atMs <= endMs) {
            Event event = events.poll();
            nowMs = event.atMs;
            check(++eventCount <= MAX_EVENTS, "more than " + MAX_EVENTS + " events: a livelock?");
            event.action.run();
            if (done.getAsBoolean()) {
                return true;
            }
        }
        nowMs = Math.max(nowMs, endMs);
        return done.getAsBoolean();
    }

    // ---- partitions ----

    /** Puts every listed id on side 1 and the rest on side 0; null heals. Zab connections across the cut die. */
    void partition(Set<Long> sideOne) {
        for (long id : peers.keySet()) {
            sideById.put(id, sideOne != null && sideOne.contains(id) ? 1 : 0);
        }
        note("partition " + (sideOne == null ? "healed" : sideOne + " | rest"));
        if (sideOne == null) {
            resendLastNotifications();
        }
    }

    boolean sameSide(long a, long b) {
        return sideById.getOrDefault(a, 0).equals(sideById.getOrDefault(b, 0));
    }

    boolean connected(long a, long b) {
        return peers.get(a).up && peers.get(b).up && sameSide(a, b);
    }

    // ---- election datagrams ----

    void sendNotification(long from, long to, Notification n) {
        lastSentByLink.put(from + ">" + to, n);
        transmit(from, to, n);
    }

    /** After a heal or a boot, like Apache's connection manager: each live link re-sends its last notification. */
    void resendLastNotifications() {
        for (Map.Entry<String, Notification> entry : lastSentByLink.entrySet()) {
            String[] ends = entry.getKey().split(">");
            transmit(Long.parseLong(ends[0]), Long.parseLong(ends[1]), entry.getValue());
        }
    }

    /**
     * Like the real election port, a link holds one waiting message, the newest replacing an unsent older one; here
     * up to {@link #MAX_IN_FLIGHT} travel at once, each with its own delay, so they may also overtake each other.
     */
    private void transmit(long from, long to, Notification n) {
        if (!connected(from, to) || random.nextDouble() < faults.electionDropRate()) {
            return;
        }
        ElectionLink link = electionLinks.computeIfAbsent(from * 1_000 + to, key -> new ElectionLink());
        if (link.inFlight < MAX_IN_FLIGHT) {
            launch(from, to, n, link);
        } else {
            link.waiting = n;
        }
    }

    private void launch(long from, long to, Notification n, ElectionLink link) {
        link.inFlight++;
        long delayMs = 1 + random.nextInt(faults.electionMaxDelayMs());
        if (random.nextDouble() < faults.slowRate()) {
            delayMs += random.nextInt(500);
        }
        boolean duplicate = random.nextDouble() < faults.electionDuplicateRate();
        int fromIncarnation = peers.get(from).incarnation;
        int toIncarnation = peers.get(to).incarnation;
        at(nowMs + delayMs, () -> {
            link.inFlight--;
            SimPeer receiver = peers.get(to);
            if (connected(from, to) && peers.get(from).incarnation == fromIncarnation
                    && receiver.incarnation == toIncarnation) {
                receiver.receiveNotification(from, n);
                if (duplicate && receiver.incarnation == toIncarnation) {
                    receiver.receiveNotification(from, n);
                }
            }
            if (link.waiting != null) {
                Notification next = link.waiting;
                link.waiting = null;
                launch(from, to, next, link);
            }
        });
    }

    // ---- Zab connections ----

    void sendToLearner(SimConnection connection, SimConnection.Packet packet) {
        if (usable(connection)) {
            connection.lastToLearnerMs = arrival(connection.lastToLearnerMs);
            at(connection.lastToLearnerMs, () -> {
                if (connection.open) {
                    connection.learner.receive(connection, packet);
                }
            });
        }
    }

    void sendToLeader(SimConnection connection, SimConnection.Packet packet) {
        if (usable(connection)) {
            connection.lastToLeaderMs = arrival(connection.lastToLeaderMs);
            at(connection.lastToLeaderMs, () -> {
                if (connection.open) {
                    connection.leader.receive(connection, packet);
                }
            });
        }
    }

    /** Closes a connection; a reachable other side learns of it shortly (a reset), an unreachable one never. */
    void close(SimConnection connection) {
        if (!connection.open) {
            return;
        }
        connection.open = false;
        if (!connected(connection.leaderId(), connection.learnerId())) {
            return;
        }
        at(nowMs + 1 + random.nextInt(20), () -> {
            connection.leader.connectionLost(connection);
            connection.learner.connectionLost(connection);
        });
    }

    /** A partition or a silently dead link: packets on it vanish and nobody is told. */
    private boolean usable(SimConnection connection) {
        if (connection.open && !connected(connection.leaderId(), connection.learnerId())) {
            connection.open = false;
        }
        return connection.open;
    }

    private long arrival(long lastArrivalMs) {
        long delayMs = 1 + random.nextInt(faults.zabMaxDelayMs());
        if (random.nextDouble() < faults.slowRate()) {
            delayMs += random.nextInt(200);
        }
        if (random.nextDouble() < faults.zabStallRate()) {
            delayMs += 300 + random.nextInt(1200); // a stall around syncLimit: timeouts race with the packets
        }
        return Math.max(lastArrivalMs, nowMs + delayMs);
    }

    /** How long a log write takes: mostly short, sometimes a slow fsync. */
    long diskLatencyMs() {
        long latencyMs = 1 + random.nextInt(faults.diskMaxLatencyMs());
        if (random.nextDouble() < faults.slowRate()) {
            latencyMs += 50 + random.nextInt(250);
        }
        return latencyMs;
    }

    // ---- diagnostics ----

    void note(String line) {
        String stamped = "t=" + nowMs + " " + line;
        if (verbose) {
            System.out.println(stamped);
        }
        trace.addLast(stamped);
        if (trace.size() > TRACE_LINES) {
            trace.removeFirst();
        }
    }

    void check(boolean condition, String problem) {
        if (!condition) {
            fail(problem);
        }
    }

    /** The one command that reruns a seed, after one {@code mvn -B -ntp install -DskipTests}. */
    static String replayCommand(long seed) {
        return "mvn -B -ntp -pl bundles/dev.menagerie.quorum test-compile surefire:test@default-test"
                + " -Dtest=EnsembleSimulationTest -Dsim.seed=" + seed;
    }

    void fail(String problem) {
        StringBuilder text = new StringBuilder("seed " + seed + ", " + layoutName + ", t=" + nowMs + "ms: " + problem
                + "\n  replay it with its trace: " + replayCommand(seed) + "\n  peers:");
        for (SimPeer peer : peers.values()) {
            text.append("\n    ").append(peer.describe());
        }
        text.append("\n  last events:");
        for (String line : trace) {
            text.append("\n    ").append(line);
        }
        throw new AssertionError(text.toString());
    }
}
