package dev.menagerie.quorum.impl.zab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.api.quorum.QuorumVerifier;
import dev.menagerie.quorum.impl.zab.LeaderOutput.Commit;
import dev.menagerie.quorum.impl.zab.LeaderOutput.Send;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random interleavings of proposals, acks in any order, local log writes and learners leaving and rejoining. After
 * each step the commits seen so far must be the proposals in zxid order, each backed by a quorum of acks the core
 * received; once every learner is back and has acked everything, all proposals must be committed.
 */
class BroadcastCoreRandomTest {

    private static final long LEADER = 1;
    private static final long OBSERVER = 9;
    private static final int SEEDS = 150;
    private static final int STEPS = 400;

    record Ensemble(String name, QuorumVerifier verifier) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Ensemble> ensembles() {
        return Stream.of(
                new Ensemble("majorityOf3", TestVerifiers.majority(Set.of(1L, 2L, 3L))),
                new Ensemble("majorityOf5", TestVerifiers.majority(Set.of(1L, 2L, 3L, 4L, 5L))),
                new Ensemble("weightedLeaderHeavy", TestVerifiers.weighted(Map.of(1L, 3L, 2L, 1L, 3L, 1L, 4L, 1L,
                        5L, 1L))),
                new Ensemble("weightedFollowerHeavy", TestVerifiers.weighted(Map.of(1L, 1L, 2L, 4L, 3L, 1L, 4L, 1L))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ensembles")
    void commitsAreOrderedQuorumBackedAndComplete(Ensemble ensemble) {
        for (long seed = 0; seed < SEEDS; seed++) {
            try {
                new Run(ensemble.verifier(), new Random(seed)).check();
            } catch (AssertionError | RuntimeException failure) {
                throw new AssertionError(ensemble + " failed with seed " + seed + ": " + failure.getMessage(), failure);
            }
        }
    }

    /** One randomized history against one core, with its own record of what the core was told. */
    private static final class Run {
        private final QuorumVerifier verifier;
        private final Random random;
        private final BroadcastCore core;
        private final List<Long> followers;
        private final Set<Long> connected = new TreeSet<>();
        /** Proposals each connected follower has received and not yet acked. */
        private final Map<Long, Set<Long>> unacked = new HashMap<>();
        private final Map<Long, Set<Long>> acksDelivered = new HashMap<>();
        private final List<Long> proposed = new ArrayList<>();
        private final Set<Long> locallyLogged = new HashSet<>();
        private final List<Long> committed = new ArrayList<>();

        Run(QuorumVerifier verifier, Random random) {
            this.verifier = verifier;
            this.random = random;
            this.core = new BroadcastCore(LEADER, verifier, 5, Zxids.of(1, 0));
            this.followers = verifier.votingMembers().stream().filter(sid -> sid != LEADER).sorted().toList();
            Stream.concat(followers.stream(), Stream.of(OBSERVER)).forEach(this::rejoin);
        }

        void check() {
            for (int step = 0; step < STEPS; step++) {
                randomStep();
            }
            Stream.concat(followers.stream(), Stream.of(OBSERVER)).filter(sid -> !connected.contains(sid))
                    .forEach(this::rejoin);
            proposed.stream().filter(zxid -> !locallyLogged.contains(zxid)).toList().forEach(this::logLocally);
            for (long sid : followers) {
                List.copyOf(unacked.get(sid)).forEach(zxid -> ackFrom(sid, zxid));
            }
            assertEquals(proposed, committed, "with every learner acking, every proposal commits");
        }

        private void randomStep() {
            int choice = random.nextInt(10);
            if (choice < 3) {
                long zxid = Zxids.of(1, proposed.size() + 1);
                proposed.add(zxid);
                observe(core.propose(zxid, new byte[] {(byte) zxid}));
            } else if (choice < 5) {
                List<Long> notLogged = proposed.stream().filter(zxid -> !locallyLogged.contains(zxid)).toList();
                if (!notLogged.isEmpty()) {
                    logLocally(notLogged.get(random.nextInt(notLogged.size())));
                }
            } else if (choice < 9) {
                List<Long> ackers = followers.stream().filter(sid -> !unacked.getOrDefault(sid, Set.of()).isEmpty())
                        .toList();
                if (!ackers.isEmpty()) {
                    long sid = ackers.get(random.nextInt(ackers.size()));
                    List<Long> pending = List.copyOf(unacked.get(sid));
                    ackFrom(sid, pending.get(random.nextInt(pending.size())));
                }
            } else {
                List<Long> learners = new ArrayList<>(connected);
                learners.addAll(Stream.concat(followers.stream(), Stream.of(OBSERVER))
                        .filter(sid -> !connected.contains(sid)).toList());
                long sid = learners.get(random.nextInt(learners.size()));
                if (connected.contains(sid)) {
                    lose(sid);
                } else {
                    rejoin(sid);
                }
            }
        }

        private void logLocally(long zxid) {
            locallyLogged.add(zxid);
            acksDelivered.computeIfAbsent(zxid, z -> new HashSet<>()).add(LEADER);
            observe(core.localLogged(zxid));
        }

        private void ackFrom(long sid, long zxid) {
            unacked.get(sid).remove(zxid);
            acksDelivered.computeIfAbsent(zxid, z -> new HashSet<>()).add(sid);
            observe(core.ack(sid, zxid));
        }

        private void lose(long sid) {
            connected.remove(sid);
            unacked.remove(sid);
            core.learnerLost(sid);
        }

        /** A learner syncs up to the last commit (its earlier state came from the sync plan) and rejoins. */
        private void rejoin(long sid) {
            connected.add(sid);
            unacked.put(sid, new TreeSet<>());
            LearnerRole role = sid == OBSERVER ? LearnerRole.OBSERVER : LearnerRole.FOLLOWER;
            observe(core.learnerSynced(sid, role, core.lastCommittedZxid()));
        }

        private void observe(List<LeaderOutput> outputs) {
            for (LeaderOutput output : outputs) {
                if (output instanceof Send send) {
                    deliver(send);
                } else if (output instanceof Commit commit) {
                    checkCommit(commit.zxid());
                }
            }
        }

        private void deliver(Send send) {
            assertTrue(connected.contains(send.toSid()), "packet to a learner that is not connected: " + send);
            boolean toObserver = send.toSid() == OBSERVER;
            switch (send.type()) {
                case PROPOSAL -> {
                    assertTrue(!toObserver, "observers get no proposals");
                    unacked.get(send.toSid()).add(send.zxid());
                }
                case COMMIT -> assertTrue(!toObserver && (committed.contains(send.zxid()) || isNext(send.zxid())),
                        "COMMIT of an uncommitted zxid or to an observer: " + send);
                case INFORM -> assertTrue(toObserver, "INFORM to a follower: " + send);
                default -> throw new AssertionError("unexpected packet " + send);
            }
        }

        /** COMMIT packets precede the local Commit notification of the same zxid. */
        private boolean isNext(long zxid) {
            return committed.size() < proposed.size() && proposed.get(committed.size()) == zxid;
        }

        private void checkCommit(long zxid) {
            assertTrue(committed.size() < proposed.size(), "commit of a zxid never proposed: " + zxid);
            assertEquals(proposed.get(committed.size()), zxid, "commits out of zxid order");
            Set<Long> acks = acksDelivered.getOrDefault(zxid, Set.of());
            assertTrue(verifier.containsQuorum(acks), "commit of " + zxid + " without a quorum; acks " + acks);
            committed.add(zxid);
        }
    }
}
