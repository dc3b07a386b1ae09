package dev.menagerie.election.fle.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.menagerie.api.config.HostPort;
import dev.menagerie.api.config.LearnerType;
import dev.menagerie.api.config.QuorumMember;
import dev.menagerie.api.election.PeerState;
import dev.menagerie.api.election.Vote;
import dev.menagerie.election.fle.impl.wire.Notification;
import dev.menagerie.election.fle.impl.wire.NotificationCodec;
import dev.menagerie.election.fle.spi.TieBreak;
import java.io.File;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.server.quorum.ApacheElectionPeer;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Our election port against Apache ZooKeeper 3.9.5's QuorumCnxManager, on 127.0.0.1. */
@Timeout(60)
class ApacheInteropTest {

    private static final long OUR_ID = 2;
    private static final long ZXID = 0x4_0000_0010L;
    private static final long EPOCH = 4;

    @TempDir
    Path dataDir;

    /** Apache as the lower id (it dials, hangs up and is dialled back) and as the higher id (its dial stays). */
    @ParameterizedTest
    @ValueSource(longs = {1, 3})
    void apacheAndWeExchangeNotificationsAndElectTogether(long apacheId) throws Exception {
        HostPort apacheAddress = new HostPort("127.0.0.1", LocalCluster.freePort());
        HostPort ourAddress = new HostPort("127.0.0.1", LocalCluster.freePort());
        List<QuorumMember> members = List.of(member(apacheId, apacheAddress), member(OUR_ID, ourAddress));
        FakeContext context = new FakeContext(OUR_ID, members, Quorums.factory("majority").create(members));
        context.currentEpoch = EPOCH;
        context.lastLoggedZxid = ZXID;
        Map<Long, InetSocketAddress> view = Map.of(apacheId, address(apacheAddress), OUR_ID, address(ourAddress));
        File apacheDir = dataDir.toFile();

        try (ApacheElectionPeer apache = new ApacheElectionPeer(apacheId, view, apacheDir);
                FastElection ours = FastElection.open(context, 2000, TieBreak.SERVER_ID, e -> { })) {
            // Apache speaks first: the connection rule decides who keeps which socket. Apache dials once per message
            // and, as the lower id, waits for our dial-back, which a loaded machine can make before Apache's
            // listener is up: it speaks again each second until connected, as its election loop would.
            long[] lastSentNs = {System.nanoTime() - TimeUnit.SECONDS.toNanos(2)};
            LocalCluster.await("Apache's connection to us", () -> {
                if (apache.connectedTo(OUR_ID)) {
                    return true;
                }
                if (System.nanoTime() - lastSentNs[0] > TimeUnit.SECONDS.toNanos(1)) {
                    lastSentNs[0] = System.nanoTime();
                    apache.sendNotification(OUR_ID, PeerState.LOOKING.wireCode(), apacheId, 0, 1, 0);
                }
                return false;
            });

            CompletableFuture<Vote> round = ours.lookForLeader().toCompletableFuture();
            Notification ourVote = nextFrom(apache, OUR_ID);
            assertEquals(PeerState.LOOKING, ourVote.state());
            assertEquals(OUR_ID, ourVote.leader());
            assertEquals(ZXID, ourVote.zxid());
            assertEquals(EPOCH, ourVote.peerEpoch());

            // Apache's server agrees with our vote in our round: with both votes a quorum of two stands.
            apache.sendNotification(OUR_ID, PeerState.LOOKING.wireCode(), OUR_ID, ZXID, ourVote.electionEpoch(),
                    EPOCH);
            Vote decided = round.get(10, TimeUnit.SECONDS);

            assertEquals(OUR_ID, decided.leaderId());
            assertEquals(PeerState.LEADING, decided.state());
            assertEquals(Map.of(apacheId, OUR_ID > apacheId), ours.connections(),
                    "the one connection is the one the higher id dialled");
        }
    }

    /** The next notification of a started round (electionEpoch above 0) that Apache received from {@code sid}. */
    private static Notification nextFrom(ApacheElectionPeer apache, long sid) throws Exception {
        long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadlineNs) {
            ApacheElectionPeer.Received r = apache.poll(500);
            if (r != null && r.sid() == sid) {
                Notification n = NotificationCodec.decode(r.payload());
                if (n.electionEpoch() > 0) {
                    return n;
                }
            }
        }
        return fail("Apache received no notification from server " + sid + " within 10 s");
    }

    private static QuorumMember member(long id, HostPort election) {
        return new QuorumMember(id, new HostPort("127.0.0.1", 1), election, null, LearnerType.PARTICIPANT,
                QuorumMember.NO_GROUP, 1);
    }

    private static InetSocketAddress address(HostPort hp) {
        return new InetSocketAddress(hp.host(), hp.port());
    }
}
