package dev.menagerie.quorum.impl.zab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A legal leader stream (a sync by DIFF, SNAP or TRUNC, proposals and in-order commits before and after NEWLEADER,
 * pings and ticks) interleaved with log writes completing in random order. After every output: applies follow zxid
 * order and come only after the log write and the commit; the ACK of NEWLEADER comes once everything before it is
 * logged and precedes every proposal ack; followers ack each logged proposal once, observers never. At the end, with
 * everything committed and logged, every transaction was applied.
 */
class FollowerCoreRandomTest {

    private static final int SEEDS = 300;
    private static final int STEPS = 300;
    private static final long NEW_LEADER_ZXID = Zxids.of(2, 0);
    private static final long SYNC_POINT = Zxids.of(1, 5);

    @ParameterizedTest
    @EnumSource(LearnerRole.class)
    void appliesAreOrderedLoggedFirstAndAcksAreExactlyOnce(LearnerRole role) {
        for (long seed = 0; seed < SEEDS; seed++) {
            try {
                new Run(role, new Random(seed)).check();
            } catch (AssertionError | RuntimeException failure) {
                throw new AssertionError(role + " failed with seed " + seed + ": " + failure.getMessage(), failure);
            }
        }
    }

    /** One randomized stream against one core, with a record of what the core was told and what it did. */
    private static final class Run {
        private final LearnerRole role;
        private final Random random;
        private final FollowerCore core;
        private final ZabPacketType syncMode;
        private final List<Long> proposed = new ArrayList<>();
        private int commitsSent;
        private final Set<Long> appended = new TreeSet<>();
        private final Set<Long> logged = new HashSet<>();
        private final List<Long> applied = new ArrayList<>();
        private final Set<Long> proposalAcks = new HashSet<>();
        private long lastBeforeNewLeader = -1;
        private boolean newLeaderSent;
        private boolean newLeaderAcked;
        private boolean upToDateSent;
        private boolean serving;
        private int ticksSincePacket;

        Run(LearnerRole role, Random random) {
            this.role = role;
            this.random = random;
            this.core = FollowerCoreTest.registered(role, 4, 2);
            ZabPacketType[] modes = {ZabPacketType.DIFF, ZabPacketType.SNAP, ZabPacketType.TRUNC};
            this.syncMode = modes[random.nextInt(modes.length)];
            send(syncMode, SYNC_POINT, new byte[0]);
        }

        void check() {
            for (int step = 0; step < STEPS; step++) {
                randomStep();
            }
            if (!newLeaderSent) {
                sendNewLeader();
            }
            logEverything();
            if (!upToDateSent) {
                sendUpToDate();
            }
            while (commitsSent < proposed.size()) {
                commitNext();
            }
            logEverything();
            assertTrue(serving, "serving after UPTODATE");
            assertEquals(proposed, applied, "every committed transaction is applied, in zxid order");
            Set<Long> expectedAcks = role == LearnerRole.FOLLOWER ? Set.copyOf(proposed) : Set.of();
            assertEquals(expectedAcks, proposalAcks, "each logged proposal acked by followers, none by observers");
        }

        private void randomStep() {
            int choice = random.nextInt(20);
            if (choice < 5) {
                propose();
            } else if (choice < 9) {
                if (commitsSent < proposed.size()) {
                    commitNext();
                }
            } else if (choice < 14) {
                List<Long> pending = appended.stream().filter(zxid -> !logged.contains(zxid)).toList();
                if (!pending.isEmpty()) {
                    logged(pending.get(random.nextInt(pending.size())));
                }
            } else if (choice < 15) {
                if (!newLeaderSent) {
                    sendNewLeader();
                } else if (newLeaderAcked && !upToDateSent) {
                    sendUpToDate();
                }
            } else if (choice < 17) {
                send(ZabPacketType.PING, lastProposed(), null);
            } else if (ticksSincePacket < 2) {
                ticksSincePacket++;
                observe(core.tick());
            }
        }

        /** Observers get the committed history as PROPOSAL+COMMIT or INFORM in sync, then INFORM only. */
        private void propose() {
            long zxid = newLeaderSent ? Math.max(lastProposed(), NEW_LEADER_ZXID) + 1 : Math.max(lastProposed(),
                    SYNC_POINT) + 1;
            proposed.add(zxid);
            byte[] txn = {(byte) zxid};
            if (role == LearnerRole.FOLLOWER) {
                send(ZabPacketType.PROPOSAL, zxid, txn);
            } else if (!serving && random.nextBoolean()) {
                send(ZabPacketType.PROPOSAL, zxid, txn);
                commitNext();
            } else {
                commitsSent++;
                send(ZabPacketType.INFORM, zxid, txn);
            }
        }

        private void commitNext() {
            long zxid = proposed.get(commitsSent++);
            send(ZabPacketType.COMMIT, zxid, null);
        }

        private void sendNewLeader() {
            newLeaderSent = true;
            lastBeforeNewLeader = lastProposed();
            send(ZabPacketType.NEWLEADER, NEW_LEADER_ZXID, null);
        }

        private void sendUpToDate() {
            assertTrue(newLeaderAcked, "a leader sends UPTODATE only after the ACK of NEWLEADER");
            upToDateSent = true;
            send(ZabPacketType.UPTODATE, 0, null);
        }

        private void logEverything() {
            appended.stream().filter(zxid -> !logged.contains(zxid)).toList().forEach(this::logged);
        }

        private void logged(long zxid) {
            logged.add(zxid);
            observe(core.logged(zxid));
        }

        private long lastProposed() {
            return proposed.isEmpty() ? 0 : proposed.get(proposed.size() - 1);
        }

        private void send(ZabPacketType type, long zxid, byte[] payload) {
            ticksSincePacket = 0;
            observe(core.receive(type, zxid, payload));
        }

        private void observe(List<FollowerOutput> outputs) {
            for (FollowerOutput output : outputs) {
                if (output instanceof FollowerOutput.AppendToLog append) {
                    assertTrue(appended.add(append.zxid()), "appended twice: " + append.zxid());
                } else if (output instanceof FollowerOutput.Apply apply) {
                    checkApply(apply.zxid());
                } else if (output instanceof FollowerOutput.SendAck ack) {
                    checkAck(ack.zxid());
                } else if (output instanceof FollowerOutput.StartServing) {
                    assertTrue(upToDateSent, "serving before UPTODATE");
                    serving = true;
                } else if (output instanceof FollowerOutput.TakeSnapshot) {
                    assertFalse(syncMode == ZabPacketType.DIFF, "a DIFF sync needs no snapshot");
                } else if (output instanceof FollowerOutput.LeaderLost lost) {
                    throw new AssertionError("leader lost on a legal stream: " + lost.reason());
                }
            }
        }

        private void checkApply(long zxid) {
            assertTrue(applied.size() < commitsSent, "apply of an uncommitted zxid " + zxid);
            assertEquals(proposed.get(applied.size()), zxid, "applies out of zxid order");
            assertTrue(logged.contains(zxid), "apply before the log write of " + zxid);
            applied.add(zxid);
        }

        private void checkAck(long zxid) {
            if (zxid == NEW_LEADER_ZXID && !newLeaderAcked) {
                assertTrue(newLeaderSent, "ACK of NEWLEADER before NEWLEADER");
                assertTrue(appended.stream().filter(z -> z <= lastBeforeNewLeader).allMatch(logged::contains),
                        "ACK of NEWLEADER before everything received during sync was logged");
                newLeaderAcked = true;
            } else if (zxid == NEW_LEADER_ZXID) {
                assertTrue(upToDateSent && !serving, "a second epoch-start ACK only answers UPTODATE");
            } else {
                assertEquals(LearnerRole.FOLLOWER, role, "observers never ack proposals");
                assertTrue(newLeaderAcked, "proposal ack " + zxid + " before the ACK of NEWLEADER");
                assertTrue(logged.contains(zxid), "ack before the log write of " + zxid);
                assertTrue(proposalAcks.add(zxid), "acked twice: " + zxid);
            }
        }
    }
}
