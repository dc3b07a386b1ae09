package dev.menagerie.storage.file.tool;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * The tree and sessions of one snapshot file (Apache ZooKeeper's format, plain or {@code .gz}), read the way
 * Apache's {@code FileSnap.deserialize} reads them, for the command-line tools. The collections are the ones
 * Apache's {@code DataTree} fills, in the same order, because the tools print them in their iteration order:
 * sessions in a {@link HashMap}, each node's children in a {@code HashSet} of initial capacity 8 that receives them
 * in file order.
 */
public final class SnapshotContents {

    /** {@code "ZKSN"}, the first four bytes of a snapshot. */
    static final int SNAPSHOT_MAGIC = 0x5a4b534e;
    /** Apache's {@code EphemeralType.CONTAINER_EPHEMERAL_OWNER}. */
    static final long CONTAINER_OWNER = Long.MIN_VALUE;

    /** One znode: its data (null when stored as null), ACL index, persisted stat and child names. */
    public static final class Node {
        final byte[] data;
        final long aclIndex;
        final long czxid;
        final long mzxid;
        final long ctime;
        final long mtime;
        final int version;
        final int cversion;
        final int aversion;
        final long ephemeralOwner;
        final long pzxid;
        Set<String> children;

        Node(DataInputStream in) throws IOException {
            data = readBuffer(in);
            aclIndex = in.readLong();
            czxid = in.readLong();
            mzxid = in.readLong();
            ctime = in.readLong();
            mtime = in.readLong();
            version = in.readInt();
            cversion = in.readInt();
            aversion = in.readInt();
            ephemeralOwner = in.readLong();
            pzxid = in.readLong();
        }

        void addChild(String name) {
            if (children == null) {
                children = new HashSet<>(8);
            }
            children.add(name);
        }

        int dataLength() {
            return data == null ? 0 : data.length;
        }
    }

    private final Map<Long, Integer> sessions = new HashMap<>();
    private final Map<String, Node> nodes = new HashMap<>();

    private SnapshotContents() {
    }

    /**
     * Reads a snapshot file.
     *
     * @throws IOException when it cannot be read, is not a snapshot, is Snappy-compressed or ends early
     */
    public static SnapshotContents read(Path file) throws IOException {
        String name = file.getFileName().toString();
        if (name.endsWith(".snappy")) {
            throw new IOException(file + " is Snappy-compressed, which this tool does not read");
        }
        try (InputStream raw = Files.newInputStream(file);
                InputStream decompressed = name.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
                DataInputStream in = new DataInputStream(new BufferedInputStream(decompressed))) {
            SnapshotContents contents = new SnapshotContents();
            contents.readFrom(in);
            return contents;
        } catch (EOFException e) {
            throw new IOException(file + " ends before the tree does", e);
        }
    }

    private void readFrom(DataInputStream in) throws IOException {
        int magic = in.readInt();
        if (magic != SNAPSHOT_MAGIC) {
            throw new IOException("mismatching magic headers " + magic + " !=  " + SNAPSHOT_MAGIC);
        }
        in.readInt(); // version
        in.readLong(); // dbid
        int sessionCount = in.readInt();
        for (int i = 0; i < sessionCount; i++) {
            long id = in.readLong();
            sessions.put(id, in.readInt());
        }
        skipAclCache(in);
        String path = readString(in);
        while (!"/".equals(path)) {
            Node node = new Node(in);
            nodes.put(path, node);
            int lastSlash = path.lastIndexOf('/');
            if (lastSlash >= 0) {
                Node parent = nodes.get(path.substring(0, lastSlash));
                if (parent == null) {
                    throw new IOException("Invalid Datatree, unable to find parent " + path.substring(0, lastSlash)
                            + " of path " + path);
                }
                parent.addChild(path.substring(lastSlash + 1));
            }
            path = readString(in);
        }
        Node root = nodes.get("");
        if (root == null) {
            throw new IOException("the snapshot has no root node");
        }
        nodes.put("/", root);
    }

    private static void skipAclCache(DataInputStream in) throws IOException {
        int lists = in.readInt();
        for (int i = 0; i < lists; i++) {
            in.readLong();
            int entries = in.readInt();
            for (int j = 0; j < entries; j++) {
                in.readInt();
                readString(in);
                readString(in);
            }
        }
    }

    static String readString(DataInputStream in) throws IOException {
        byte[] bytes = readBuffer(in);
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    static byte[] readBuffer(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }

    /** Session id to timeout, in Apache's iteration order. */
    public Map<Long, Integer> sessions() {
        return sessions;
    }

    /** The node at a path ({@code "/"} is the root), null when there is none. */
    public Node node(String path) {
        return nodes.get(path);
    }

    /** Apache's {@code DataTree.getNodeCount()}, which counts the root twice (under "" and "/"). */
    public int nodeCount() {
        return nodes.size();
    }

    /** The ephemeral nodes a session owns, as Apache's {@code DataTree.getEphemerals(sid).size()}. */
    public long ephemeralCount(long sessionId) {
        if (sessionId == 0 || sessionId == CONTAINER_OWNER) {
            return 0;
        }
        return nodes.entrySet().stream()
                .filter(entry -> !"/".equals(entry.getKey()) && !entry.getKey().isEmpty())
                .filter(entry -> entry.getValue().ephemeralOwner == sessionId)
                .count();
    }
}
