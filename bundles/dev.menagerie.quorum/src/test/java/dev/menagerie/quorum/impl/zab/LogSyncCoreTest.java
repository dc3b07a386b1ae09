package dev.menagerie.quorum.impl.zab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A leader's core syncing a learner behind its committed window from the on-disk log (snapshotSizeFactor). */
class LogSyncCoreTest {

    private static final long EPOCH_3 = EstablishedLeaders.EPOCH_3;
    private static final long LAST_ZXID = Zxids.of(2, 30);

    /** A leader at 2:30 whose window holds 2:21..2:30 and whose log is intact after 2:5; established with 2. */
    private static LeaderCore establishedLeader(boolean fromLog) {
        CommittedWindow window = new CommittedWindow(10);
        for (int counter = 21; counter <= 30; counter++) {
            window.add(Zxids.of(2, counter), txn(counter));
        }
        LeaderCore core = new LeaderCore(1, TestVerifiers.majority(Set.of(1L, 2L, 3L)), 10, 4, 2, 2, LAST_ZXID,
                window);
        if (fromLog) {
            core.syncFromLog(Zxids.of(2, 5));
        }
        return EstablishedLeaders.establish(core, LAST_ZXID);
    }

    private static byte[] txn(int counter) {
        return new byte[] {(byte) counter};
    }

    /** The log from 2:{@code from} to 2:30, as the effects read it. */
    private static List<LoggedTxn> log(int from) {
        List<LoggedTxn> entries = new ArrayList<>();
        for (int counter = from; counter <= 30; counter++) {
            entries.add(new LoggedTxn(Zxids.of(2, counter), txn(counter)));
        }
        return entries;
    }

    private static List<ZabPacketType> packetTypes(List<LeaderOutput> outputs) {
        return outputs.stream().filter(LeaderOutput.Send.class::isInstance)
                .map(output -> ((LeaderOutput.Send) output).type()).toList();
    }

    @Test
    void aLearnerBehindTheWindowGetsTheLogReadAndThenEveryProposalItLacksInOrder() {
        LeaderCore core = establishedLeader(true);
        core.learnerInfo(3, LearnerRole.FOLLOWER, 2);
        assertEquals(List.of(new LeaderOutput.ReadLog(3, Zxids.of(2, 10))), core.ackEpoch(3, 2, Zxids.of(2, 10)),
                "nothing is sent before the log is read");

        List<LeaderOutput> synced = core.logRead(3, Zxids.of(2, 10), log(10));
        assertEquals(new LeaderOutput.Send(3, ZabPacketType.DIFF, LAST_ZXID, null), synced.get(0));
        List<Long> proposed = new ArrayList<>();
        for (LeaderOutput output : synced) {
            if (output instanceof LeaderOutput.Send send && send.type() == ZabPacketType.PROPOSAL) {
                proposed.add(send.zxid());
                assertArrayEquals(txn((int) Zxids.counter(send.zxid())), send.payload(), "the logged bytes");
            }
        }
        List<Long> expected = new ArrayList<>();
        for (int counter = 11; counter <= 30; counter++) {
            expected.add(Zxids.of(2, counter));
        }
        assertEquals(expected, proposed, "2:11..2:20 from the log, then 2:21..2:30 from the window");
        assertEquals(ZabPacketType.NEWLEADER, packetTypes(synced).get(packetTypes(synced).size() - 1));
    }

    @Test
    void aFailedReadMeansASnapshotForTheRestOfTheLeadership() {
        LeaderCore core = establishedLeader(true);
        core.learnerInfo(3, LearnerRole.FOLLOWER, 2);
        core.ackEpoch(3, 2, Zxids.of(2, 10));
        List<LeaderOutput> fallback = core.logRead(3, Zxids.of(2, 10), null);
        assertEquals(new LeaderOutput.SendSnapshot(3, LAST_ZXID), fallback.get(0));
        core.learnerLost(3);
        core.learnerInfo(3, LearnerRole.FOLLOWER, 2);
        assertEquals(new LeaderOutput.SendSnapshot(3, LAST_ZXID), core.ackEpoch(3, 2, Zxids.of(2, 10)).get(0),
                "no second read for the same learner");
    }

    @Test
    void beforeTheIntactLogOrWithoutLogSyncALearnerGetsASnapshotAtOnce() {
        LeaderCore core = establishedLeader(true);
        core.learnerInfo(3, LearnerRole.FOLLOWER, 2);
        assertEquals(new LeaderOutput.SendSnapshot(3, LAST_ZXID), core.ackEpoch(3, 2, Zxids.of(2, 4)).get(0),
                "2:4 is before the snapshot the leader's tree was built from");

        LeaderCore off = establishedLeader(false);
        off.learnerInfo(3, LearnerRole.FOLLOWER, 2);
        assertEquals(new LeaderOutput.SendSnapshot(3, LAST_ZXID), off.ackEpoch(3, 2, Zxids.of(2, 10)).get(0));
    }

    @Test
    void aReadForALearnerThatWentAwayIsDropped() {
        LeaderCore core = establishedLeader(true);
        core.learnerInfo(3, LearnerRole.FOLLOWER, 2);
        core.ackEpoch(3, 2, Zxids.of(2, 10));
        core.learnerLost(3);
        assertEquals(List.of(), core.logRead(3, Zxids.of(2, 10), log(10)));
    }

    @Test
    void aLogThatDoesNotStartAtTheLearnersZxidMeansASnapshot() {
        LeaderCore core = establishedLeader(true);
        core.learnerInfo(3, LearnerRole.FOLLOWER, 2);
        core.ackEpoch(3, 2, Zxids.of(2, 10));
        assertEquals(new LeaderOutput.SendSnapshot(3, LAST_ZXID), core.logRead(3, Zxids.of(2, 10), log(12)).get(0));
    }
}
