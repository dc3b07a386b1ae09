package dev.menagerie.server.impl.tree;

import dev.menagerie.api.storage.SnapshotInput;
import dev.menagerie.api.storage.SnapshotOutput;
import dev.menagerie.protocol.jute.JuteWriter;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The snapshot body in Apache ZooKeeper 3.9's layout (after the file header):
 * <ol>
 * <li>session count, then (long id, int timeoutMs) pairs;</li>
 * <li>ACL map: count, then (long index, vector&lt;ACL&gt;);</li>
 * <li>nodes in depth-first order from the root, each as path then {buffer data, long acl, StatPersisted}; the
 * root's path is "" and the list ends with the path "/";</li>
 * <li>seal; digest section {long zxid, int digestVersion, long digest}; seal; long lastProcessedZxid; seal.</li>
 * </ol>
 * The two trailing sections are what 3.9 writes with its defaults ({@code digest.enabled} and
 * {@code serializeLastProcessedZxid.enabled} both true); older snapshots end earlier, which reads fine.
 */
final class TreeSnapshot {
    private static final String END_OF_NODES = "/";

    private TreeSnapshot() {
    }

    static void write(DataTree tree, SnapshotOutput out, Map<Long, Integer> sessionTimeouts) throws IOException {
        writeBody(tree, out, sessionTimeouts);
        out.writeSeal();
        ZxidDigest digest = tree.lastZxidDigest();
        if (digest == null) {
            digest = ZxidDigest.EMPTY;
        }
        out.writeLong(digest.zxid());
        out.writeInt(digest.digestVersion());
        out.writeLong(digest.digest());
        out.writeSeal();
        out.writeLong(tree.lastProcessedZxid());
        out.writeSeal();
    }

    /**
     * Sessions, ACL map and nodes: Apache's {@code SerializeUtils.serializeSnapshot}, which is also what a leader
     * streams to a learner after a SNAP packet.
     */
    static void writeBody(DataTree tree, DataOutput out, Map<Long, Integer> sessionTimeouts) throws IOException {
        JuteWriter scratch = new JuteWriter(64 * 1024);
        // A HashMap copy, as Apache's SerializeUtils makes, so the sessions come out in Apache's order.
        Map<Long, Integer> sessions = new HashMap<>(sessionTimeouts);
        out.writeInt(sessions.size());
        for (Map.Entry<Long, Integer> session : sessions.entrySet()) {
            out.writeLong(session.getKey());
            out.writeInt(session.getValue());
        }
        tree.aclCache.serialize(out, scratch);
        writeNodes(tree, out, scratch);
    }

    /** Pre-order, children in their set's order; iterative, since a path can be thousands of levels deep. */
    private static void writeNodes(DataTree tree, DataOutput out, JuteWriter scratch) throws IOException {
        Deque<String> pending = new ArrayDeque<>();
        pending.push("");
        while (!pending.isEmpty()) {
            String path = pending.pop();
            DataNode node = tree.nodes.get(path);
            if (node == null) {
                continue;
            }
            String[] children;
            synchronized (node) {
                scratch.writeString(path);
                scratch.writeBuffer(node.data);
                scratch.writeLong(node.acl);
                node.statPersisted().write(scratch);
                children = node.childArray();
            }
            SnapshotJute.drain(scratch, out);
            for (int i = children.length - 1; i >= 0; i--) {
                pending.push(path + "/" + children[i]);
            }
        }
        scratch.writeString(END_OF_NODES);
        SnapshotJute.drain(scratch, out);
    }

    static LoadedSnapshot read(DataTree tree, SnapshotInput in, int maxBufferBytes) throws IOException {
        Map<Long, Integer> sessions = readBody(tree, in, maxBufferBytes);
        in.checkSeal();
        ZxidDigest digest = null;
        if (!in.atEnd()) {
            digest = readDigest(in, maxBufferBytes);
            in.checkSeal();
        }
        if (!in.atEnd()) {
            tree.setLastProcessedZxid(in.readLong());
            in.checkSeal();
        }
        // The digest is checked by the loader once the log replay reaches its zxid: a snapshot written while
        // requests went on (fuzzy, as Apache's) only matches its digest at that point.
        return new LoadedSnapshot(tree, sessions, digest);
    }

    /** Reads what {@link #writeBody} wrote into {@code tree}, reading no byte past it; returns the sessions. */
    static Map<Long, Integer> readBody(DataTree tree, DataInput in, int maxBufferBytes) throws IOException {
        int sessionCount = in.readInt();
        if (sessionCount < 0) {
            throw new IOException("snapshot session count " + sessionCount + " is negative");
        }
        Map<Long, Integer> sessions = new LinkedHashMap<>();
        for (int i = 0; i < sessionCount; i++) {
            long id = in.readLong();
            sessions.put(id, in.readInt());
        }
        tree.aclCache.deserialize(in, maxBufferBytes);
        tree.clearForLoad();
        String path = SnapshotJute.readString(in, maxBufferBytes);
        while (!END_OF_NODES.equals(path)) {
            if (path == null) {
                throw new IOException("snapshot node path is null");
            }
            byte[] data = SnapshotJute.readBuffer(in, maxBufferBytes);
            long acl = in.readLong();
            var stat = SnapshotJute.readStatPersisted(in);
            tree.loadNode(path, new DataNode(data, acl, stat, NodeKind.of(stat.ephemeralOwner(),
                    tree.extendedTypesEnabled)));
            path = SnapshotJute.readString(in, maxBufferBytes);
        }
        tree.finishLoad();
        return sessions;
    }

    private static ZxidDigest readDigest(SnapshotInput in, int maxBufferBytes) throws IOException {
        long zxid = in.readLong();
        int version = in.readInt();
        if (version < 2) {
            // Digest version 1 stored the digest as a hex string.
            String hex = SnapshotJute.readString(in, maxBufferBytes);
            try {
                return new ZxidDigest(zxid, version, hex == null ? 0 : Long.parseUnsignedLong(hex, 16));
            } catch (NumberFormatException e) {
                // Found by PersistedBodyFuzzTest: a damaged digest skipped the snapshot with a runtime exception.
                throw new IOException("snapshot digest \"" + hex + "\" (version " + version + ") is not hexadecimal");
            }
        }
        return new ZxidDigest(zxid, version, in.readLong());
    }
}
