package dev.menagerie.quorum.impl.zab;

import static dev.menagerie.quorum.impl.zab.SyncPlan.Kind.DIFF;
import static dev.menagerie.quorum.impl.zab.SyncPlan.Kind.SNAP;
import static dev.menagerie.quorum.impl.zab.SyncPlan.Kind.TRUNC;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SyncPlannerTest {

    private static final List<Long> WINDOW_2_1_TO_5 = List.of(z(2, 1), z(2, 2), z(2, 3), z(2, 4), z(2, 5));
    private static final TxnLogSizeLimit SNAPSHOT_1000_BYTES = TxnLogSizeLimit.of(1000, 0.33);

    record Case(String name, LeaderHistory history, long peerLastZxid, SyncPlan expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("peerEqualToLeaderGetsEmptyDiff", memory(WINDOW_2_1_TO_5), z(2, 5),
                        plan(DIFF, z(2, 5), List.of(), z(2, 5))),
                new Case("peerAheadOfLeaderIsTruncatedToLeadersLastZxid", memory(WINDOW_2_1_TO_5), z(2, 7),
                        plan(TRUNC, z(2, 5), List.of(), z(2, 5))),
                new Case("peerInsideWindowGetsDiffOfWhatFollows", memory(WINDOW_2_1_TO_5), z(2, 2),
                        plan(DIFF, z(2, 5), List.of(z(2, 3), z(2, 4), z(2, 5)), z(2, 5))),
                new Case("peerAtWindowStartGetsDiffOfWhatFollows", memory(WINDOW_2_1_TO_5), z(2, 1),
                        plan(DIFF, z(2, 5), List.of(z(2, 2), z(2, 3), z(2, 4), z(2, 5)), z(2, 5))),
                new Case("peerWithUncommittedTxnOfSameEpochIsTruncatedToThePrecedingZxidThenDiffed",
                        memory(List.of(z(2, 1), z(2, 2), z(2, 4), z(2, 5))), z(2, 3),
                        plan(TRUNC, z(2, 2), List.of(z(2, 4), z(2, 5)), z(2, 5))),
                new Case("peerWithUncommittedTxnOfAnotherEpochGetsSnapBecauseTruncCannotCrossEpochs",
                        memory(List.of(z(2, 1), z(2, 2), z(2, 3), z(3, 1), z(3, 2))), z(2, 5),
                        SyncPlan.snap(z(3, 2))),
                new Case("peerAtNewEpochStartInsideWindowGetsDiffOfTheNewerEpoch",
                        memory(List.of(z(2, 1), z(2, 2), z(3, 1), z(3, 2))), z(3, 0),
                        plan(DIFF, z(3, 2), List.of(z(3, 1), z(3, 2)), z(3, 2))),
                new Case("peerAtNewEpochStartAheadOfLeaderGetsSnapNotTrunc", memory(WINDOW_2_1_TO_5), z(3, 0),
                        SyncPlan.snap(z(2, 5))),
                new Case("emptyWindowTruncatesPeerAheadOfLastProcessed", memory(List.of(), z(2, 5)), z(2, 7),
                        plan(TRUNC, z(2, 5), List.of(), z(2, 5))),
                new Case("emptyWindowWithoutDiskLogSendsSnapToPeerBehind", memory(List.of(), z(2, 5)), z(2, 3),
                        SyncPlan.snap(z(2, 5))),
                new Case("peerBelowWindowIsDiffedFromDiskLogThenMemory",
                        withDisk(WINDOW_2_1_TO_5, 100, TxnLogSizeLimit.UNLIMITED), z(2, 1),
                        plan(DIFF, z(2, 5), List.of(z(2, 2), z(2, 3), z(2, 4), z(2, 5)), z(2, 5))),
                new Case("peerBelowWindowWhoseZxidIsNotOnDiskGetsSnap",
                        withDisk(WINDOW_2_1_TO_5.subList(1, 5), 100, TxnLogSizeLimit.UNLIMITED), z(2, 1),
                        SyncPlan.snap(z(2, 5))),
                new Case("diskLogWithinSnapshotSizeFactorIsSent", withDisk(WINDOW_2_1_TO_5, 60, SNAPSHOT_1000_BYTES),
                        z(2, 1), plan(DIFF, z(2, 5), List.of(z(2, 2), z(2, 3), z(2, 4), z(2, 5)), z(2, 5))),
                new Case("diskLogBeyondSnapshotSizeFactorGetsSnap", withDisk(WINDOW_2_1_TO_5, 100, SNAPSHOT_1000_BYTES),
                        z(2, 1), SyncPlan.snap(z(2, 5))),
                new Case("diskSyncDisabledByNegativeFactorGetsSnap",
                        withDisk(WINDOW_2_1_TO_5, 1, TxnLogSizeLimit.of(1000, -1)), z(2, 1), SyncPlan.snap(z(2, 5))),
                new Case("gapBetweenDiskLogAndWindowGetsSnap",
                        new LeaderHistory(List.of(z(2, 4), z(2, 5)), z(2, 5),
                                new FakeDiskLog(List.of(z(2, 1), z(2, 2)), 1), TxnLogSizeLimit.UNLIMITED),
                        z(2, 1), SyncPlan.snap(z(2, 5))),
                new Case("peerAtNewEpochStartBelowWindowGetsSnapSinceNoDiskLogHoldsIt",
                        withDisk(List.of(z(3, 1), z(3, 2), z(3, 3)), 1, TxnLogSizeLimit.UNLIMITED), z(2, 0),
                        SyncPlan.snap(z(3, 3))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void plansLikeApachesSyncFollower(Case c) {
        assertEquals(c.expected(), SyncPlanner.plan(c.history(), c.peerLastZxid()));
    }

    private static long z(long epoch, long counter) {
        return Zxids.of(epoch, counter);
    }

    private static SyncPlan plan(SyncPlan.Kind kind, long opZxid, List<Long> sent, long forwardFromZxid) {
        return new SyncPlan(kind, opZxid, sent, forwardFromZxid);
    }

    private static LeaderHistory memory(List<Long> window) {
        return memory(window, window.get(window.size() - 1));
    }

    private static LeaderHistory memory(List<Long> window, long lastProcessedZxid) {
        return new LeaderHistory(window, lastProcessedZxid, TxnLogSource.NONE, TxnLogSizeLimit.UNLIMITED);
    }

    /** Memory keeps the last three of {@code diskZxids}; the disk keeps all of them. */
    private static LeaderHistory withDisk(List<Long> diskZxids, long bytesPerTxn, TxnLogSizeLimit limit) {
        List<Long> window = diskZxids.subList(diskZxids.size() - 3, diskZxids.size());
        return new LeaderHistory(window, window.get(2), new FakeDiskLog(diskZxids, bytesPerTxn), limit);
    }
}
