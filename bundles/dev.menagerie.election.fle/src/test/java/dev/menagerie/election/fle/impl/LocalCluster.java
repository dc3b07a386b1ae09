package dev.menagerie.election.fle.impl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.api.config.HostPort;
import dev.menagerie.api.config.LearnerType;
import dev.menagerie.api.config.QuorumMember;
import dev.menagerie.api.election.Vote;
import dev.menagerie.api.quorum.QuorumVerifier;
import dev.menagerie.election.fle.spi.TieBreak;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Peers 1..n on 127.0.0.1 with free election ports, each with a fake context; elections opened on demand. */
final class LocalCluster implements AutoCloseable {

    static final Duration ELECTION_TIMEOUT = Duration.ofSeconds(15);
    static final int CNX_TIMEOUT_MS = 2000;

    final List<QuorumMember> members = new ArrayList<>();
    final QuorumVerifier verifier;
    final Map<Long, FakeContext> contexts = new HashMap<>();
    final Map<Long, FastElection> elections = new HashMap<>();

    private final long finalizeWaitMs;

    LocalCluster(int n) {
        this(n, ElectionSettings.FINALIZE_WAIT_MS);
    }

    /** @param finalizeWaitMs how long a decision waits for a better vote (Apache's 200 ms by default) */
    LocalCluster(int n, long finalizeWaitMs) {
        this.finalizeWaitMs = finalizeWaitMs;
        for (long id = 1; id <= n; id++) {
            members.add(new QuorumMember(id, new HostPort("127.0.0.1", freePort()),
                    new HostPort("127.0.0.1", freePort()), null, LearnerType.PARTICIPANT, QuorumMember.NO_GROUP, 1));
        }
        verifier = Quorums.factory("majority").create(members);
        for (QuorumMember m : members) {
            contexts.put(m.id(), new FakeContext(m.id(), members, verifier));
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    FakeContext context(long id) {
        return contexts.get(id);
    }

    FastElection open(long id) throws IOException {
        FastElection election = FastElection.open(contexts.get(id), CNX_TIMEOUT_MS, TieBreak.SERVER_ID, e -> { },
                finalizeWaitMs);
        elections.put(id, election);
        return election;
    }

    /** Starts a round on every given peer and waits for all decisions, which each peer then adopts. */
    Map<Long, Vote> elect(long... ids) throws Exception {
        Map<Long, CompletableFuture<Vote>> rounds = new HashMap<>();
        for (long id : ids) {
            contexts.get(id).lookAgain();
            rounds.put(id, elections.get(id).lookForLeader().toCompletableFuture());
        }
        Map<Long, Vote> votes = new HashMap<>();
        for (long id : ids) {
            Vote vote = rounds.get(id).get(ELECTION_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            contexts.get(id).adopt(vote);
            votes.put(id, vote);
        }
        return votes;
    }

    /** Waits, with a bound, for {@code condition}; fails with {@code what} when it does not come. */
    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        Object monitor = new Object();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadlineNs, "timed out waiting for " + what);
            synchronized (monitor) {
                monitor.wait(10); // polling a condition nobody signals
            }
        }
    }

    void close(long id) {
        FastElection election = elections.remove(id);
        if (election != null) {
            election.close();
        }
    }

    @Override
    public void close() {
        elections.values().forEach(FastElection::close);
        elections.clear();
    }
}
