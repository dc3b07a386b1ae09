package dev.menagerie.storage.file.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.api.storage.SnapshotInput;
import dev.menagerie.api.storage.SnapshotOutput;
import dev.menagerie.api.storage.StorageSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.jute.BinaryInputArchive;
import org.apache.jute.BinaryOutputArchive;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.server.DataTree;
import org.apache.zookeeper.server.persistence.FileSnap;
import org.apache.zookeeper.server.persistence.SnapStream;
import org.apache.zookeeper.server.persistence.Util;
import org.apache.zookeeper.server.util.SerializeUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Snapshots written by us with Apache's DataTree serializer load with Apache's FileSnap, and snapshots written
 * by Apache's FileSnap load through ours. Our SnapshotOutput/Input are DataOutput/DataInput, which jute's binary
 * archives take directly.
 */
class ApacheSnapshotCompatibilityTest {

    private static final long ZXID = 0x300000007L;

    @TempDir
    Path dir;

    private static DataTree tree() throws Exception {
        DataTree tree = new DataTree();
        tree.createNode("/app", "root data".getBytes(StandardCharsets.UTF_8), ZooDefs.Ids.OPEN_ACL_UNSAFE, 0, 1, 2,
                1000);
        tree.createNode("/app/config", "x=1".getBytes(StandardCharsets.UTF_8), ZooDefs.Ids.READ_ACL_UNSAFE, 0, 1,
                3, 1001);
        tree.createNode("/app/lock", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, 0x55L, 1, 4, 1002);
        tree.lastProcessedZxid = ZXID;
        return tree;
    }

    private static Map<Long, Integer> sessions() {
        Map<Long, Integer> sessions = new ConcurrentHashMap<>();
        sessions.put(0x55L, 30_000);
        sessions.put(0x56L, 4_000);
        return sessions;
    }

    /** What a server's SnapshotSource does: Apache's sections, each followed by a seal. */
    private static void writeApacheBody(SnapshotOutput out, DataTree tree, Map<Long, Integer> sessions)
            throws IOException {
        BinaryOutputArchive archive = new BinaryOutputArchive(out);
        SerializeUtils.serializeSnapshot(tree, archive, sessions);
        out.writeSeal();
        if (tree.serializeZxidDigest(archive)) {
            out.writeSeal();
        }
        if (tree.serializeLastProcessedZxid(archive)) {
            out.writeSeal();
        }
    }

    /** What a server's SnapshotSink does: the sections, each seal checked, optional ones when present. */
    private static void readApacheBody(SnapshotInput in, DataTree tree, Map<Long, Integer> sessions, long zxid)
            throws IOException {
        BinaryInputArchive archive = new BinaryInputArchive(in);
        SerializeUtils.deserializeSnapshot(tree, archive, sessions);
        in.checkSeal();
        if (!in.atEnd() && tree.deserializeZxidDigest(archive, zxid)) {
            in.checkSeal();
        }
        if (!in.atEnd() && tree.deserializeLastProcessedZxid(archive)) {
            in.checkSeal();
        }
    }

    /** Apache's FileSnap loads the newest snapshot in dir: the tree and the sessions we wrote. */
    private void assertApacheFileSnapLoads(DataTree original) throws Exception {
        DataTree loaded = new DataTree();
        Map<Long, Integer> loadedSessions = new HashMap<>();
        long zxid = new FileSnap(dir.resolve("version-2").toFile()).deserialize(loaded, loadedSessions);
        assertEquals(ZXID, zxid);
        assertSameTree(original, loaded);
        assertEquals(sessions(), loadedSessions);
    }

    @Test
    void ourSnapshotLoadsWithApacheFileSnap() throws Exception {
        DataTree original = tree();
        try (FileStorage storage = TestStorage.open(dir)) {
            storage.snapshot(ZXID, out -> writeApacheBody(out, original, sessions()));
        }
        assertApacheFileSnapLoads(original);
    }

    @ParameterizedTest
    @ValueSource(strings = {StorageSettings.GZIP, StorageSettings.SNAPPY})
    void ourCompressedSnapshotLoadsWithApacheFileSnapAndWithOurs(String method) throws Exception {
        DataTree original = tree();
        try (FileStorage storage = TestStorage.openCompressed(dir, method)) {
            storage.snapshot(ZXID, out -> writeApacheBody(out, original, sessions()));
        }
        Path written = dir.resolve("version-2").resolve("snapshot." + Long.toHexString(ZXID) + "." + method);
        assertTrue(Files.exists(written), "the snapshot is named " + written.getFileName());
        byte[] head = Files.readAllBytes(written);
        byte[] magic = method.equals(StorageSettings.GZIP) ? new byte[] {0x1f, (byte) 0x8b}
                : new byte[] {(byte) 0x82, 'S', 'N', 'A', 'P', 'P', 'Y', 0};
        assertArrayEquals(magic, Arrays.copyOf(head, magic.length), method + " magic");
        assertApacheFileSnapLoads(original);
        DataTree ours = new DataTree();
        try (FileStorage storage = TestStorage.open(dir)) {
            assertEquals(OptionalLong.of(ZXID), storage.loadNewestSnapshot(in -> readApacheBody(in, ours,
                    new HashMap<>(), ZXID)));
        }
        assertSameTree(original, ours);
    }

    @Test
    void apacheSnapshotLoadsWithOurs() throws Exception {
        DataTree original = tree();
        Path versionDir = Files.createDirectories(dir.resolve("version-2"));
        new FileSnap(versionDir.toFile()).serialize(original, sessions(),
                versionDir.resolve("snapshot." + Long.toHexString(ZXID)).toFile(), true);
        DataTree loaded = new DataTree();
        Map<Long, Integer> loadedSessions = new HashMap<>();
        try (FileStorage storage = TestStorage.open(dir)) {
            OptionalLong zxid = storage.loadNewestSnapshot(in -> readApacheBody(in, loaded, loadedSessions, ZXID));
            assertEquals(OptionalLong.of(ZXID), zxid);
        }
        assertSameTree(original, loaded);
        assertEquals(sessions(), loadedSessions);
    }

    @Test
    void apacheGzipAndSnappySnapshotsLoadWithOurs() throws Exception {
        DataTree original = tree();
        Path versionDir = Files.createDirectories(dir.resolve("version-2"));
        FileSnap apache = new FileSnap(versionDir.toFile());
        try {
            SnapStream.setStreamMode(SnapStream.StreamMode.GZIP);
            apache.serialize(original, sessions(), versionDir.resolve(Util.makeSnapshotName(ZXID)).toFile(), true);
            SnapStream.setStreamMode(SnapStream.StreamMode.SNAPPY);
            apache.serialize(original, sessions(), versionDir.resolve(Util.makeSnapshotName(ZXID + 1)).toFile(),
                    true);
        } finally {
            SnapStream.setStreamMode(SnapStream.StreamMode.DEFAULT_MODE);
        }
        Path gz = versionDir.resolve("snapshot." + Long.toHexString(ZXID) + ".gz");
        Path snappy = versionDir.resolve("snapshot." + Long.toHexString(ZXID + 1) + ".snappy");
        assertTrue(Files.exists(gz));
        assertTrue(Files.exists(snappy));
        DataTree fromSnappy = new DataTree();
        Map<Long, Integer> snappySessions = new HashMap<>();
        try (FileStorage storage = TestStorage.open(dir)) {
            OptionalLong zxid = storage.loadNewestSnapshot(in -> readApacheBody(in, fromSnappy, snappySessions,
                    ZXID + 1));
            assertEquals(OptionalLong.of(ZXID + 1), zxid, "the newest snapshot, Apache's snappy one, loads");
        }
        assertSameTree(original, fromSnappy);
        assertEquals(sessions(), snappySessions);
        Files.delete(snappy);
        DataTree fromGz = new DataTree();
        try (FileStorage storage = TestStorage.open(dir)) {
            OptionalLong zxid = storage.loadNewestSnapshot(in -> readApacheBody(in, fromGz, new HashMap<>(), ZXID));
            assertEquals(OptionalLong.of(ZXID), zxid, "Apache's gz snapshot loads");
        }
        assertSameTree(original, fromGz);
    }

    private static void assertSameTree(DataTree expected, DataTree actual) throws Exception {
        assertEquals(expected.getNodeCount(), actual.getNodeCount());
        for (String path : new String[] {"/app", "/app/config", "/app/lock"}) {
            assertArrayEquals(expected.getNode(path).getData(), actual.getNode(path).getData(), path);
            assertEquals(expected.getNode(path).stat.getMzxid(), actual.getNode(path).stat.getMzxid(), path);
            assertEquals(expected.getNode(path).stat.getEphemeralOwner(),
                    actual.getNode(path).stat.getEphemeralOwner(), path);
        }
        assertEquals(expected.getACL("/app/config", null), actual.getACL("/app/config", null));
        assertEquals(expected.getEphemerals(0x55L), actual.getEphemerals(0x55L));
    }
}
