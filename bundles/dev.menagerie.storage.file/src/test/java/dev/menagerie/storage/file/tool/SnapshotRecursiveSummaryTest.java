package dev.menagerie.storage.file.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code zkSnapshotRecursiveSummaryToolkit.sh} prints what Apache ZooKeeper 3.9.5's {@code SnapshotRecursiveSummary}
 * prints for the same Apache-written snapshot, from several starting nodes and depths.
 */
class SnapshotRecursiveSummaryTest {

    @TempDir
    Path dir;

    private static String apache(File file, String start, int depth) throws Exception {
        return ApacheSnapshots.apache(
                () -> new org.apache.zookeeper.server.SnapshotRecursiveSummary().run(file.getPath(), start, depth));
    }

    @Test
    void theSummaryMatchesApachesForEveryStartAndDepth() throws Exception {
        File file = ApacheSnapshots.write(dir);
        for (String start : new String[] {"/", "/app", "/app/child-3"}) {
            for (int depth : new int[] {0, 1, 2, 5}) {
                String expected = apache(file, start, depth);
                assertTrue(expected.contains("children: "), expected);
                assertEquals(expected, ApacheSnapshots.ours(SnapshotRecursiveSummary::run, file.getPath(), start,
                        String.valueOf(depth)), start + " depth " + depth);
            }
        }
    }

    @Test
    void aBadInvocationPrintsTheUsageAndExits2AndAMissingNodeIsNamed() throws Exception {
        File file = ApacheSnapshots.write(dir);
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(errors, true, StandardCharsets.UTF_8);
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertEquals(2, SnapshotRecursiveSummary.run(new String[] {file.getPath(), "/"}, out, err));
        assertEquals(2, SnapshotRecursiveSummary.run(new String[] {file.getPath(), "/", "x"}, out, err));
        assertTrue(errors.toString(StandardCharsets.UTF_8).startsWith("USAGE:"));
        errors.reset();
        assertEquals(1, SnapshotRecursiveSummary.run(new String[] {file.getPath(), "/nope", "0"}, out, err));
        assertEquals("No znode /nope in " + file.getPath() + "\n", errors.toString(StandardCharsets.UTF_8));
    }
}
