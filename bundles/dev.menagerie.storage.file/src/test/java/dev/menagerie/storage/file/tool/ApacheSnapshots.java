package dev.menagerie.storage.file.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.server.DataTree;
import org.apache.zookeeper.server.persistence.FileSnap;

/** Snapshot files written by Apache ZooKeeper's own code, and the output of a tool run, for the toolkit tests. */
final class ApacheSnapshots {

    static final long ZXID = 0x30000002aL;

    /** Something that prints to System.out, as Apache's tools do. */
    interface Printer {
        void print() throws Exception;
    }

    /** Our tools' entry point. */
    interface Tool {
        int run(String[] args, PrintStream out, PrintStream err);
    }

    private ApacheSnapshots() {
    }

    /**
     * A tree with enough children per node that their HashSet order is not the order of creation, data of several
     * lengths, a null data, a name that JSON must escape, an ephemeral and a container; and 16 sessions.
     */
    static File write(Path dir) throws Exception {
        DataTree tree = new DataTree();
        long zxid = 1;
        tree.createNode("/app", "root data".getBytes(StandardCharsets.UTF_8), ZooDefs.Ids.OPEN_ACL_UNSAFE, 0, 1,
                zxid++, 1_700_000_000_000L);
        for (int i = 0; i < 30; i++) {
            tree.createNode("/app/child-" + i, new byte[i], ZooDefs.Ids.READ_ACL_UNSAFE, 0, 1, zxid++,
                    1_700_000_000_000L + i);
        }
        for (int i = 0; i < 5; i++) {
            tree.createNode("/app/child-3/leaf-" + i, new byte[100], ZooDefs.Ids.OPEN_ACL_UNSAFE, 0, 1, zxid++,
                    1_700_000_100_000L + i);
        }
        tree.createNode("/app/\"quoted\"\tname", null, ZooDefs.Ids.OPEN_ACL_UNSAFE, 0x55L, 1, zxid++, 1_000L);
        tree.createNode("/eph", new byte[] {1, 2, 3}, ZooDefs.Ids.OPEN_ACL_UNSAFE, 0x55L, 1, zxid++, 2_000L);
        tree.createNode("/container", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, Long.MIN_VALUE, 1, zxid, 3_000L);
        tree.lastProcessedZxid = ZXID;
        Map<Long, Integer> sessions = new ConcurrentHashMap<>();
        for (long id = 0x50; id < 0x60; id++) {
            sessions.put(id, 4_000 + (int) id);
        }
        File file = dir.resolve("snapshot." + Long.toHexString(ZXID)).toFile();
        new FileSnap(dir.toFile()).serialize(tree, sessions, file, false);
        return file;
    }

    /** What an Apache tool printed to System.out. */
    static String apache(Printer printer) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            printer.print();
        } finally {
            System.setOut(original);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** What our tool printed, after it exited 0. */
    static String ours(Tool tool, String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int exit = tool.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8),
                new PrintStream(errors, true, StandardCharsets.UTF_8));
        assertEquals(0, exit, errors.toString(StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
