package dev.menagerie.server.impl.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.menagerie.protocol.OpCode;
import dev.menagerie.protocol.txn.CreateTxn;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class SnapshotAndDigestTest {
    private final DataTree tree = new DataTree();
    private final Txns txns = new Txns(tree);

    @Test
    void digestIsTheSumOfNodeCrcsOutsideZookeeperSubtree() {
        txns.apply(OpCode.CREATE, new CreateTxn("/né", new byte[] {1, 2}, null, false, 1));
        txns.create("/né/x", "data");
        txns.setData("/", "root data");
        long zxid = txns.zxid - 2;
        long time = Txns.TIME_MS + zxid;
        ByteBuffer stat = ByteBuffer.allocate(60).putLong(zxid).putLong(zxid).putLong(txns.zxid - 1)
                .putLong(time).putLong(time).putInt(0).putInt(1).putInt(0).putLong(0);
        CRC32 crc = new CRC32();
        crc.update("/né".getBytes(StandardCharsets.UTF_8));
        crc.update(new byte[] {1, 2});
        crc.update(stat.array());
        assertEquals(crc.getValue(), NodeDigest.of("/né", tree.node("/né")), "path, data, then stat fields");
        long sum = 0;
        for (String path : new String[] {"", "/zookeeper", "/né", "/né/x"}) {
            sum += NodeDigest.of(path, tree.node(path));
        }
        assertEquals(sum, tree.digest(), "kept incrementally equal to a full recomputation");
        txns.create("/zookeeper/quota/x", "ignored");
        assertEquals(sum, tree.digest(), "nodes under /zookeeper/ do not count");
    }

    @Test
    void snapshotRoundTripRestoresTreeSessionsAndZxid() throws IOException {
        txns.create("/a", "1");
        txns.create("/a/b", "22");
        txns.ephemeral("/a/e", Txns.SESSION);
        byte[] file = write(tree, Map.of(Txns.SESSION, 30000, 7L, 4000));
        LoadedSnapshot loaded = DataTree.readSnapshot(SnapshotStreams.Input.afterHeader(file));
        DataTree copy = loaded.tree();
        assertEquals(Map.of(Txns.SESSION, 30000, 7L, 4000), loaded.sessionTimeouts());
        assertEquals(new ZxidDigest(txns.zxid, 2, tree.digest()), loaded.digest());
        assertEquals(tree.digest(), copy.digest());
        assertEquals(txns.zxid, copy.lastProcessedZxid());
        assertEquals(tree.nodeCount(), copy.nodeCount());
        assertEquals(tree.stat("/a/b"), copy.stat("/a/b"));
        assertEquals(java.util.Set.of("/a/e"), copy.ephemerals(Txns.SESSION));
        int beforeTrailers = file.length - (8 + 4 + 8 + 13) - (8 + 13);
        assertArrayEquals(Arrays.copyOf(file, beforeTrailers),
                Arrays.copyOf(write(copy, loaded.sessionTimeouts()), beforeTrailers),
                "the loaded tree writes the same sessions, ACLs and nodes");
    }

    @Test
    void olderSnapshotsWithoutTrailingSectionsLoad() throws IOException {
        txns.create("/a", "1");
        byte[] file = write(tree, Map.of());
        int withoutTrailers = file.length - (8 + 4 + 8 + 13) - (8 + 13);
        LoadedSnapshot loaded = DataTree.readSnapshot(SnapshotStreams.Input.afterHeader(
                Arrays.copyOf(file, withoutTrailers)));
        assertNull(loaded.digest());
        assertEquals(0, loaded.tree().lastProcessedZxid(), "the caller sets it from the file name");
        assertEquals("1", Txns.text(loaded.tree().data("/a")));
    }

    @Test
    void corruptedSnapshotFailsItsSeal() throws IOException {
        txns.create("/a", "1");
        byte[] file = write(tree, Map.of());
        int dataOffset = indexOf(file, "/a".getBytes(StandardCharsets.UTF_8)) + 2 + 4;
        file[dataOffset] ^= 1;
        assertThrows(IOException.class, () -> DataTree.readSnapshot(SnapshotStreams.Input.afterHeader(file)));
    }

    @Test
    void freshTreeWritesAnEmptyDigest() throws IOException {
        byte[] file = write(tree, Map.of());
        LoadedSnapshot loaded = DataTree.readSnapshot(SnapshotStreams.Input.afterHeader(file));
        assertEquals(ZxidDigest.EMPTY, loaded.digest());
        assertEquals(5, loaded.tree().nodeCount());
    }

    private static byte[] write(DataTree tree, Map<Long, Integer> sessions) throws IOException {
        SnapshotStreams.Output out = SnapshotStreams.Output.withHeader();
        tree.writeSnapshot(out, sessions);
        return out.toByteArray();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(Arrays.copyOfRange(haystack, i, i + needle.length), needle)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }
}
