package dev.menagerie.quorum.impl.zab;

import dev.menagerie.testing.linearizability.RegisterHistoryCheck;
import dev.menagerie.testing.linearizability.RegisterOp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Client sessions of one seeded run, each attached to a peer (leader, follower or observer) and doing one register
 * operation at a time on a few keys, as Jepsen's processes do: a write (a unique value), a compare-and-set at the
 * version the client last saw, or a read after a sync, answered from the attached peer's tree. Writes on a learner
 * are forwarded by the production {@link LearnerEffects} and submitted on the leader through {@link LeaderEffects};
 * syncs go the same ways. An answer lost to a crash, a role change of the attached peer or a timeout makes the
 * operation indeterminate (Jepsen's {@code :info}); the client then moves to another peer.
 *
 * <p>The history is checked per key with the shared linearizability checker at the end of the run.
 */
final class SimClients {

    static final List<String> KEYS = List.of("/r0", "/r1", "/r2");
    /** How long a client waits for an answer before it counts the operation as lost. */
    static final long ANSWER_TIMEOUT_MS = 3_000;
    private static final long MAX_STEPS_PER_KEY = 2_000_000;
    private static final long CHECK_BUDGET_NS = 20_000_000_000L;

    private final SimEnsemble ensemble;
    private final SimWorld world;
    private final List<RegisterOp> history = new ArrayList<>();
    private final Map<Long, Waiting> waitingByOpId = new HashMap<>();
    private long nextOpId;
    private int nextValue;
    private long lastStampNs;

    private static final class Client {
        final int id;
        final Map<String, Integer> seenVersions = new HashMap<>();
        SimPeer peer;

        Client(int id) {
            this.id = id;
        }
    }

    /** An operation waiting for its answer, from a peer incarnation that must still be the one serving it. */
    private record Waiting(Client client, long opId, RegisterOp.Kind kind, String key, int value, int expectedVersion,
            long invokeNs, SimPeer peer, int incarnation, long untilMs, int maxThinkMs) {
    }

    SimClients(SimEnsemble ensemble) {
        this.ensemble = ensemble;
        this.world = ensemble.world;
    }

    /** Starts {@code count} clients, each waiting up to {@code maxThinkMs} between operations until {@code untilMs}. */
    void start(int count, long untilMs, int maxThinkMs) {
        for (int i = 1; i <= count; i++) {
            thinkThenIssue(new Client(i), untilMs, maxThinkMs);
        }
    }

    int operations() {
        return history.size();
    }

    private void thinkThenIssue(Client client, long untilMs, int maxThinkMs) {
        long atMs = world.now() + 1 + world.random.nextInt(maxThinkMs);
        if (atMs < untilMs) {
            world.at(atMs, () -> issue(client, untilMs, maxThinkMs));
        }
    }

    private void issue(Client client, long untilMs, int maxThinkMs) {
        SimPeer peer = client.peer;
        if (peer == null || !peer.up || !peer.replica.servesClients()) {
            List<Long> ids = ensemble.ids();
            client.peer = ensemble.peers.get(ids.get(world.random.nextInt(ids.size())));
            thinkThenIssue(client, untilMs, maxThinkMs);
            return;
        }
        String key = KEYS.get(world.random.nextInt(KEYS.size()));
        RegisterOp.Kind kind = RegisterOp.Kind.values()[world.random.nextInt(3)];
        long opId = ++nextOpId;
        int value = kind == RegisterOp.Kind.READ ? 0 : ++nextValue;
        int expectedVersion = kind == RegisterOp.Kind.CAS ? client.seenVersions.getOrDefault(key, 0) : -1;
        Waiting waiting = new Waiting(client, opId, kind, key, value, expectedVersion, stampNs(), peer,
                peer.incarnation, untilMs, maxThinkMs);
        waitingByOpId.put(opId, waiting);
        world.at(world.now() + ANSWER_TIMEOUT_MS, () -> lost(waiting));
        if (kind == RegisterOp.Kind.READ) {
            peer.replica.syncForClient().whenComplete((ok, error) -> {
                if (error != null) {
                    lost(waiting);
                } else {
                    answerRead(waiting);
                }
            });
        } else {
            SimRegisters.Command command = new SimRegisters.Command(opId, key, kind == RegisterOp.Kind.CAS,
                    expectedVersion, value);
            peer.replica.clientWrite(client.id, opId, command.body());
        }
    }

    /** A synced read: the attached peer's tree, if the peer still serves the client. */
    private void answerRead(Waiting waiting) {
        if (!stillWaiting(waiting, waiting.peer())) {
            return;
        }
        SimRegisters.Register register = waiting.peer().register(waiting.key());
        finish(waiting, RegisterOp.read(waiting.client().id, waiting.key(), waiting.invokeNs(), stampNs(),
                register.value(), register.version()));
    }

    /** A transaction applied on {@code peer}: the answer to the client of this peer that wrote it, if one waits. */
    void applied(SimPeer peer, SimDisk.Txn txn) {
        SimRegisters.Command command = SimRegisters.Command.parse(txn.body());
        Waiting waiting = command == null ? null : waitingByOpId.get(command.opId());
        if (waiting == null || !stillWaiting(waiting, peer)) {
            return;
        }
        SimRegisters.Register register = peer.register(waiting.key());
        boolean took = register.value() == waiting.value();
        RegisterOp.Outcome outcome = took ? RegisterOp.Outcome.OK : RegisterOp.Outcome.FAILED;
        world.check(took || waiting.kind() == RegisterOp.Kind.CAS, "peer " + peer.id + " applied the write "
                + txn.body() + " but its register holds " + register);
        int version = took ? register.version() : 0;
        finish(waiting, waiting.kind() == RegisterOp.Kind.WRITE
                ? RegisterOp.write(waiting.client().id, waiting.key(), waiting.value(), waiting.invokeNs(), stampNs(),
                        outcome, version)
                : RegisterOp.cas(waiting.client().id, waiting.key(), waiting.expectedVersion(), waiting.value(),
                        waiting.invokeNs(), stampNs(), outcome, version));
    }

    /** The peer crashed or its role ended: its clients' answers are lost, and the clients move on. */
    void peerStopsServing(SimPeer peer) {
        for (Waiting waiting : List.copyOf(waitingByOpId.values())) {
            if (waiting.peer() == peer) {
                lost(waiting);
            }
        }
    }

    private boolean stillWaiting(Waiting waiting, SimPeer peer) {
        return waitingByOpId.get(waiting.opId()) == waiting && waiting.peer() == peer
                && peer.incarnation == waiting.incarnation() && peer.up;
    }

    private void lost(Waiting waiting) {
        if (waitingByOpId.get(waiting.opId()) != waiting) {
            return;
        }
        waiting.client().peer = null;
        finish(waiting, new RegisterOp(waiting.client().id, waiting.key(), waiting.kind(), waiting.value(),
                waiting.expectedVersion(), waiting.invokeNs(), Long.MAX_VALUE, RegisterOp.Outcome.UNKNOWN, 0, 0));
    }

    private void finish(Waiting waiting, RegisterOp op) {
        waitingByOpId.remove(waiting.opId());
        history.add(op);
        world.note("client " + waiting.client().id + " on peer " + waiting.peer().id + ": " + op.describe(0));
        if (op.outcome() == RegisterOp.Outcome.OK) {
            waiting.client().seenVersions.put(op.key(), op.seenVersion());
        }
        thinkThenIssue(waiting.client(), waiting.untilMs(), waiting.maxThinkMs());
    }

    /** Strictly increasing times in ns, the simulated ms in the high digits: the history keeps the events' order. */
    private long stampNs() {
        lastStampNs = Math.max(lastStampNs + 1, world.now() * 1_000_000);
        return lastStampNs;
    }

    /** Invariant 5: every key's history is linearizable; operations still unanswered count as lost. */
    void checkLinearizable() {
        for (Waiting waiting : List.copyOf(waitingByOpId.values())) {
            lost(waiting);
        }
        RegisterHistoryCheck.Report report = RegisterHistoryCheck.check(history, MAX_STEPS_PER_KEY, CHECK_BUDGET_NS,
                0);
        if (!report.allLinearizable()) {
            world.fail("the client history is not linearizable (times in simulated ms): " + report.describe());
        }
    }
}
