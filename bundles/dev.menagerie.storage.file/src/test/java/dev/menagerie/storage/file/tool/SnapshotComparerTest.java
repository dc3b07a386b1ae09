package dev.menagerie.storage.file.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.server.DataTree;
import org.apache.zookeeper.server.persistence.FileSnap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code zkSnapshotComparer.sh} prints what Apache ZooKeeper 3.9.5's {@code SnapshotComparer} prints for two
 * Apache-written snapshots that differ, apart from the seconds its timing lines report.
 */
class SnapshotComparerTest {

    private static final Pattern SECONDS = Pattern.compile("in [0-9.]+ seconds");

    @TempDir
    Path dir;

    /** The fixture, and a copy with a subtree removed, one added and data grown. */
    private String[] twoSnapshots() throws Exception {
        File left = ApacheSnapshots.write(dir);
        DataTree tree = new DataTree();
        new FileSnap(dir.toFile()).deserialize(tree, new HashMap<>());
        tree.deleteNode("/app/child-3/leaf-0", 100);
        tree.deleteNode("/app/child-29", 101);
        for (int i = 0; i < 4; i++) {
            tree.createNode("/added-" + i, new byte[50], ZooDefs.Ids.OPEN_ACL_UNSAFE, 0, 1, 102 + i, 5_000L);
        }
        tree.setData("/app/child-4", new byte[400], 1, 110, 6_000L);
        Path rightDir = Files.createDirectories(dir.resolve("right"));
        File right = rightDir.resolve("snapshot.60000000a").toFile();
        new FileSnap(rightDir.toFile()).serialize(tree, Map.of(), right, false);
        return new String[] {left.getPath(), right.getPath()};
    }

    private static String apache(InputStream stdin, String... args) throws Exception {
        InputStream original = System.in;
        try {
            System.setIn(stdin);
            return seconds(ApacheSnapshots.apache(() -> org.apache.zookeeper.server.SnapshotComparer.main(args)));
        } finally {
            System.setIn(original);
        }
    }

    private static String ours(InputStream stdin, String... args) {
        return seconds(ApacheSnapshots.ours((a, out, err) -> SnapshotComparer.run(a, stdin, out, err), args));
    }

    private static String seconds(String output) {
        return SECONDS.matcher(output).replaceAll("in N seconds");
    }

    private static InputStream noInput() {
        return new ByteArrayInputStream(new byte[0]);
    }

    @Test
    void theDepthByDepthAnalysisMatchesApachesForSeveralThresholds() throws Exception {
        String[] files = twoSnapshots();
        for (String[] thresholds : new String[][] {{"0", "0"}, {"100", "2"}, {"1000", "50"}}) {
            String[] args = {"-l", files[0], "-r", files[1], "-b", thresholds[0], "-n", thresholds[1]};
            String expected = apache(noInput(), args);
            assertTrue(expected.contains("All layers compared."), expected);
            assertEquals(expected, ours(noInput(), args), String.join(" ", args));
        }
    }

    @Test
    void theDebugOutputMatchesApachesWithLongOptions() throws Exception {
        String[] files = twoSnapshots();
        String[] args = {"--left", files[0], "--right", files[1], "--bytes", "10", "--nodes", "1", "--debug"};
        assertEquals(apache(noInput(), args), ours(noInput(), args));
    }

    @Test
    void theInteractiveModeMatchesApachesForEachKindOfAnswer() throws Exception {
        String[] files = twoSnapshots();
        String answers = "\n/app\n/nope\nx\n9\n2\n\n\n\n\n";
        String[] args = {"-l", files[0], "-r", files[1], "-b", "0", "-n", "0", "-i"};
        String expected = apache(new ByteArrayInputStream(answers.getBytes(StandardCharsets.UTF_8)), args);
        assertTrue(expected.contains("Path /nope is neither found"), expected);
        assertEquals(expected, ours(new ByteArrayInputStream(answers.getBytes(StandardCharsets.UTF_8)), args));
    }

    @Test
    void aMissingOptionIsNamedAndExits2() {
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int exit = SnapshotComparer.run(new String[] {"-l", "a", "-b", "1"}, noInput(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(errors, true, StandardCharsets.UTF_8));
        assertEquals(2, exit);
        assertEquals("Missing required options: r, n\n", errors.toString(StandardCharsets.UTF_8));
    }
}
