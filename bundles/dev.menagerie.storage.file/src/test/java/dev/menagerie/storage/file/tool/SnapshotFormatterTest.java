package dev.menagerie.storage.file.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code zkSnapShotToolkit.sh} prints, byte for byte, what Apache ZooKeeper 3.9.5's {@code SnapshotFormatter} prints
 * for the same snapshot file, written by Apache's own {@code FileSnap}.
 */
class SnapshotFormatterTest {

    private static final Pattern TIMESTAMP = Pattern.compile("\"timestamp\":\\d+");
    private static final Pattern INODE = Pattern.compile("\"ino\":\\d+");

    @TempDir
    Path dir;

    private File apacheSnapshot() throws Exception {
        return ApacheSnapshots.write(dir);
    }

    private static String apache(File file, boolean dumpData, boolean json) throws Exception {
        return ApacheSnapshots.apache(
                () -> new org.apache.zookeeper.server.SnapshotFormatter().run(file.getPath(), dumpData, json));
    }

    private static String ours(String... args) {
        return ApacheSnapshots.ours(SnapshotFormatter::run, args);
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
