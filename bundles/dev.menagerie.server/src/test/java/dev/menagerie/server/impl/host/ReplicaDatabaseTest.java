package dev.menagerie.server.impl.host;

import static dev.menagerie.server.impl.host.ReplicaFixture.create;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.api.storage.LogEntry;
import dev.menagerie.protocol.OpCode;
import dev.menagerie.protocol.jute.JuteReader;
import dev.menagerie.protocol.jute.JuteWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a quorum peer does to a replica's database while it syncs: SNAP, TRUNC, DIFF and snapshots. */
class ReplicaDatabaseTest {

    @TempDir
    Path dir;

    /** A leader that took a session and a few writes; returns the committed entries in zxid order. */
    private static List<LogEntry> writeOnLeader(ReplicaFixture leader, FakeProposer proposer, String... paths)
            throws Exception {
        List<LogEntry> entries = new ArrayList<>();
        RecordingLink client = leader.connect();
        entries.add(proposer.commitNext());
        assertTrue(client.awaitEstablished());
        int xid = 1;
        for (String path : paths) {
            leader.send(client, xid, OpCode.CREATE, create(path, path));
            entries.add(proposer.commitNext());
            assertEquals(xid++, client.next().xid());
        }
        return entries;
    }

    @Test
    void snapStreamLoadsIntoTheSameTreeAndSessions() throws Exception {
        FakeProposer proposer = new FakeProposer();
        try (ReplicaFixture leader = new ReplicaFixture(dir, 1); ReplicaFixture learner = new ReplicaFixture(dir, 2)) {
            leader.replica.serveAsLeader(0, proposer);
            writeOnLeader(leader, proposer, "/a", "/a/b", "/c");
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            leader.replica.writeSnapshot(bytes);
            // The peer writes the signature after the stream (LearnerHandler does in Apache).
            JuteWriter signature = new JuteWriter(16);
            signature.writeString("BenWasHere");
            bytes.write(signature.toByteArray());

            long zxid = leader.replica.lastProcessedZxid();
            ByteArrayInputStream in = new ByteArrayInputStream(bytes.toByteArray());
            learner.replica.loadSnapshot(in, zxid);

            assertEquals("BenWasHere", new JuteReader(ByteBuffer.wrap(in.readAllBytes()), 64).readString(),
                    "loading read past the snapshot");
            assertEquals(zxid, learner.replica.lastProcessedZxid());
            assertEquals(leader.server().tree().digest(), learner.server().tree().digest());
            assertEquals(leader.server().tree().nodeCount(), learner.server().tree().nodeCount());
            assertEquals(leader.server().sessions().sessionTimeouts(), learner.server().sessions().sessionTimeouts());
        }
    }

    @Test
    void snapStreamIsApachesSessionsThenTree() throws Exception {
        FakeProposer proposer = new FakeProposer();
        try (ReplicaFixture leader = new ReplicaFixture(dir, 1)) {
            leader.replica.serveAsLeader(0, proposer);
            writeOnLeader(leader, proposer, "/a");
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            leader.replica.writeSnapshot(bytes);
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
            assertEquals(1, in.readInt(), "session count");
            assertEquals(leader.server().sessions().sessionTimeouts().keySet().iterator().next(), in.readLong());
            assertEquals(30_000, in.readInt());
        }
    }

    @Test
    void committedEntriesApplyBeforeServingAndTruncateDropsTheLaterOnes() throws Exception {
        FakeProposer proposer = new FakeProposer();
        try (ReplicaFixture leader = new ReplicaFixture(dir, 1); ReplicaFixture learner = new ReplicaFixture(dir, 2)) {
            leader.replica.serveAsLeader(0, proposer);
            List<LogEntry> entries = writeOnLeader(leader, proposer, "/keep", "/drop1", "/drop2");
            for (LogEntry entry : entries) {
                learner.storage.append(entry).toCompletableFuture().get(10, TimeUnit.SECONDS);
                learner.replica.applyCommitted(entry);
            }
            assertNotNull(learner.server().tree().node("/drop2"));
            assertEquals(1, learner.server().sessions().sessionCount());

            long keepZxid = entries.get(1).zxid();
            learner.replica.truncate(keepZxid);
            assertEquals(keepZxid, learner.replica.lastProcessedZxid());
            assertNotNull(learner.server().tree().node("/keep"));
            assertNull(learner.server().tree().node("/drop1"));
            assertNull(learner.server().tree().node("/drop2"));
            assertEquals(1, learner.server().sessions().sessionCount(), "the session came back from the log");
            assertEquals(keepZxid, learner.storage.lastLoggedZxid());
        }
    }

    @Test
    void takeSnapshotPersistsWhatASnapInstalled() throws Exception {
        FakeProposer proposer = new FakeProposer();
        long digest;
        long zxid;
        try (ReplicaFixture leader = new ReplicaFixture(dir, 1); ReplicaFixture learner = new ReplicaFixture(dir, 2)) {
            leader.replica.serveAsLeader(0, proposer);
            writeOnLeader(leader, proposer, "/snap");
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            leader.replica.writeSnapshot(new DataOutputStream(bytes));
            zxid = leader.replica.lastProcessedZxid();
            learner.replica.loadSnapshot(new ByteArrayInputStream(bytes.toByteArray()), zxid);
            learner.replica.takeSnapshot();
            digest = learner.server().tree().digest();
        }
        try (ReplicaFixture restarted = new ReplicaFixture(dir, 2)) {
            assertEquals(zxid, restarted.replica.lastProcessedZxid());
            assertEquals(digest, restarted.server().tree().digest());
            assertNotNull(restarted.server().tree().node("/snap"));
        }
    }
}
