package dev.menagerie.storage.file.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.server.DataTree;
import org.apache.zookeeper.server.persistence.FileSnap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code zkSnapShotToolkit.sh} prints, byte for byte, what Apache ZooKeeper 3.9.5's {@code SnapshotFormatter} prints
 * for the same snapshot file, written by Apache's own {@code FileSnap}.
 */
class SnapshotFormatterTest {

    private static final long ZXID = 0x30000002aL;
    private static final Pattern TIMESTAMP = Pattern.compile("\"timestamp\":\\d+");
    private static final Pattern INODE = Pattern.compile("\"ino\":\\d+");

    @TempDir
    Path dir;

    /** A tree with enough children per node that their HashSet order is not the order of creation. */
    private File apacheSnapshot() throws Exception {
        DataTree tree = new DataTree();
        long zxid = 1;
        tree.createNode("/app", "root data".getBytes(StandardCharsets.UTF_8), ZooDefs.Ids.OPEN_ACL_UNSAFE, 0, 1,
                zxid++, 1_700_000_000_000L);
        for (int i = 0; i < 30; i++) {
            tree.createNode("/app/child-" + i, new byte[i], ZooDefs.Ids.READ_ACL_UNSAFE, 0, 1, zxid++,
                    1_700_000_000_000L + i);
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

    private static String apache(File file, boolean dumpData, boolean json) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            new org.apache.zookeeper.server.SnapshotFormatter().run(file.getPath(), dumpData, json);
        } finally {
            System.setOut(original);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String ours(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int exit = SnapshotFormatter.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8),
                new PrintStream(errors, true, StandardCharsets.UTF_8));
        assertEquals(0, exit, errors.toString(StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theDetailsMatchApachesLineForLine() throws Exception {
        File file = apacheSnapshot();
        String expected = apache(file, false, false);
        assertTrue(expected.contains("Session Details"), expected);
        assertEquals(expected, ours(file.getPath()));
    }

    @Test
    void theDataDumpMatchesApaches() throws Exception {
        File file = apacheSnapshot();
        assertEquals(apache(file, true, false), ours("-d", file.getPath()));
    }

    @Test
    void theJsonMatchesApachesExceptTheTimestampAndInodeNumbers() throws Exception {
        File file = apacheSnapshot();
        assertEquals(normalized(apache(file, false, true)), normalized(ours("-json", file.getPath())));
    }

    @Test
    void badInvocationsAreRefusedWithApachesMessagesAndExitCode() throws Exception {
        File file = apacheSnapshot();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(errors, true, StandardCharsets.UTF_8);
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertEquals(2, SnapshotFormatter.run(new String[0], out, err));
        assertTrue(errors.toString(StandardCharsets.UTF_8).startsWith("USAGE: SnapshotFormatter [-d|-json]"));
        errors.reset();
        assertEquals(2, SnapshotFormatter.run(new String[] {"-d", "-json", file.getPath()}, out, err));
        assertEquals("Cannot specify both data dump (-d) and json mode (-json) in same call\n",
                errors.toString(StandardCharsets.UTF_8));
        errors.reset();
        assertEquals(2, SnapshotFormatter.run(new String[] {dir.resolve("missing").toString()}, out, err));
        assertEquals("File '" + dir.resolve("missing").toAbsolutePath() + "' does not exist.\n",
                errors.toString(StandardCharsets.UTF_8));
    }

    /** Apache's inode counter is static and keeps counting across runs in one JVM; the order is what matters. */
    private static String normalized(String json) {
        String text = TIMESTAMP.matcher(json).replaceAll("\"timestamp\":0");
        Matcher inodes = INODE.matcher(text);
        StringBuilder renumbered = new StringBuilder();
        int next = 1001;
        while (inodes.find()) {
            inodes.appendReplacement(renumbered, "\"ino\":" + next++);
        }
        inodes.appendTail(renumbered);
        return renumbered.toString();
    }
}
