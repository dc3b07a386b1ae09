package dev.menagerie.election.fle.impl;

import dev.menagerie.api.config.HostPort;
import dev.menagerie.api.config.LearnerType;
import dev.menagerie.api.config.QuorumMember;
import dev.menagerie.api.election.Election;
import dev.menagerie.api.election.ElectionContext;
import dev.menagerie.api.election.Vote;
import dev.menagerie.election.fle.impl.net.ElectionPort;
import dev.menagerie.election.fle.spi.TieBreak;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * FastLeaderElection for one peer: the deterministic core, its driver thread and the election port; its tie-break
 * orders equally up-to-date candidates ({@link TieBreak#SERVER_ID} for Apache's order).
 */
final class FastElection implements Election {

    private final ElectionPort port;
    private final ElectionDriver driver;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Consumer<FastElection> onClosed;

    private FastElection(ElectionContext context, int cnxTimeoutMs, TieBreak tieBreak,
            Consumer<FastElection> onClosed, long finalizeWaitMs) {
        this.onClosed = onClosed;
        Map<Long, QuorumMember> members = new HashMap<>();
        context.members().forEach(m -> members.put(m.id(), m));
        QuorumMember me = members.get(context.myId());
        if (me == null) {
            throw new IllegalArgumentException("server " + context.myId() + " is not among the configured members");
        }
        ElectionSettings defaults = ElectionSettings.withDefaultTiming(context.myId(),
                me.type() == LearnerType.PARTICIPANT, context.verifier(), ConfigText.of(context.members()));
        ElectionSettings settings = new ElectionSettings(defaults.myId(), defaults.participant(), defaults.verifier(),
                defaults.config(), finalizeWaitMs, defaults.minNotificationIntervalMs(),
                defaults.maxNotificationIntervalMs());
        FastLeaderElectionCore core = new FastLeaderElectionCore(settings, new ContextHistory(context), tieBreak);
        ElectionPort[] portRef = new ElectionPort[1];
        this.driver = new ElectionDriver(core, context, (sid, payload) -> portRef[0].send(sid, payload));
        this.port = new ElectionPort(context.myId(), me.electionAddress(), sid -> addressOf(members, sid),
                cnxTimeoutMs, driver::received, context.peerSockets(),
                context.peerAuthenticator());
        portRef[0] = port;
    }

    /** Opens the election port of {@code context}'s peer; the election answers peers from then on. */
    static FastElection open(ElectionContext context, int cnxTimeoutMs, TieBreak tieBreak,
            Consumer<FastElection> onClosed) throws IOException {
        return open(context, cnxTimeoutMs, tieBreak, onClosed, ElectionSettings.FINALIZE_WAIT_MS);
    }

    /** As above, with another finalizeWait than Apache's 200 ms (tests that must not depend on the machine's speed). */
    static FastElection open(ElectionContext context, int cnxTimeoutMs, TieBreak tieBreak,
            Consumer<FastElection> onClosed, long finalizeWaitMs) throws IOException {
        FastElection election = new FastElection(context, cnxTimeoutMs, tieBreak, onClosed, finalizeWaitMs);
        try {
            election.port.open();
        } catch (IOException e) {
            election.close();
            throw e;
        }
        return election;
    }

    @Override
    public CompletionStage<Vote> lookForLeader() {
        if (closed.get()) {
            throw new IllegalStateException("election closed");
        }
        return driver.lookForLeader();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            port.close();
            driver.close();
            onClosed.accept(this);
        }
    }

    /** For tests: who we are connected to, and whether we dialled. */
    Map<Long, Boolean> connections() {
        return port.connections();
    }

    private static HostPort addressOf(Map<Long, QuorumMember> members, long sid) {
        QuorumMember member = members.get(sid);
        return member == null ? null : member.electionAddress();
    }

    /** Reads the peer's log facts when a round starts, as Apache's lookForLeader does. */
    private record ContextHistory(ElectionContext context) implements PeerHistory {

        @Override
        public long currentEpoch() {
            return context.currentEpoch();
        }

        @Override
        public long lastLoggedZxid() {
            return context.lastLoggedZxid();
        }
    }
}
