package dev.menagerie.server.impl.tree;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * A node's term in the tree digest, as Apache ZooKeeper 3.6+'s {@code DigestCalculator} (digest version 2)
 * computes it: CRC32 over the path's bytes, the data, then the persisted stat fields in the order czxid, mzxid,
 * pzxid, ctime, mtime, version, cversion, aversion, ephemeralOwner (60 bytes, big-endian).
 *
 * <p>Everything under {@code /zookeeper/} counts as 0, because quota nodes are updated by each server locally;
 * {@code /zookeeper} itself counts. The root is known as both "" and "/"; both hash as "".
 */
final class NodeDigest {
    static final int DIGEST_VERSION = 2;
    static final String EXCLUDED_SUBTREE = "/zookeeper/";

    private NodeDigest() {
    }

    static boolean excluded(String path) {
        return path.startsWith(EXCLUDED_SUBTREE);
    }

    /** The digest term; the caller holds the node's lock or is the only writer. */
    static long of(String path, DataNode node) {
        return of(path, node.data, node.czxid, node.mzxid, node.pzxid, node.ctime, node.mtime, node.version,
                node.cversion, node.aversion, node.ephemeralOwner);
    }

    /** The digest term of a node in the given state; {@code cversion} is the persisted one. */
    static long of(String path, byte[] data, long czxid, long mzxid, long pzxid, long ctime, long mtime,
            int version, int cversion, int aversion, long ephemeralOwner) {
        if (excluded(path)) {
            return 0;
        }
        String hashedPath = "/".equals(path) ? "" : path;
        ByteBuffer stat = ByteBuffer.allocate(60);
        stat.putLong(czxid).putLong(mzxid).putLong(pzxid).putLong(ctime).putLong(mtime)
                .putInt(version).putInt(cversion).putInt(aversion).putLong(ephemeralOwner);
        CRC32 crc = new CRC32();
        crc.update(hashedPath.getBytes(StandardCharsets.UTF_8));
        if (data != null) {
            crc.update(data);
        }
        crc.update(stat.array());
        return crc.getValue();
    }
}
