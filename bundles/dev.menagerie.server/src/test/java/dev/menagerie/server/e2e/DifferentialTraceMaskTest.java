package dev.menagerie.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.server.ZooTrace;
import org.apache.zookeeper.server.command.FourLetterCommands;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code stmk} on the client port, as Apache ZooKeeper 3.9.5's clients send it (the word, then the new mask as an
 * eight-byte big-endian long), then {@code gtmk}: Menagerie answers each exactly as Apache does on the same
 * transport, with and without {@code stmk} in {@code 4lw.commands.whitelist}.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DifferentialTraceMaskTest {

    private static final String WHITELIST_PROPERTY = "zookeeper.4lw.commands.whitelist";
    /** Every bit of the mask travels: the high byte, a sign bit and low bits. */
    private static final long MASK = 0x8100_0000_0000_1234L;

    static {
        DifferentialSettings.apply();
    }

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"nio", "netty"})
    void stmkSetsTheMaskThatGtmkThenReports(String transport) throws Exception {
        List<String> apache = onApache(transport, "*");
        List<String> menagerie = onMenagerie(transport, "*");
        assertEquals(List.of(Long.toString(MASK), Long.toString(MASK)), apache, "Apache's answers");
        assertEquals(apache, menagerie);
    }

    @ParameterizedTest
    @ValueSource(strings = {"nio", "netty"})
    void stmkOutsideTheWhitelistIsRefusedAndLeavesTheMask(String transport) throws Exception {
        List<String> apache = onApache(transport, "gtmk");
        List<String> menagerie = onMenagerie(transport, "gtmk");
        assertEquals(List.of("stmk is not executed because it is not in the whitelist.\n",
                Long.toString(ZooTrace.getTextTraceLevel())), apache, "Apache's answers");
        assertEquals(apache, menagerie);
    }

    private List<String> onApache(String transport, String whitelist) throws Exception {
        String before = System.getProperty(WHITELIST_PROPERTY);
        long maskBefore = ZooTrace.getTextTraceLevel();
        System.setProperty(WHITELIST_PROPERTY, whitelist);
        FourLetterCommands.resetWhiteList();
        try (InJvmApache server = new InJvmApache(dir.resolve("apache-" + transport), transport)) {
            return stmkThenGtmk(server.port());
        } finally {
            ZooTrace.setTextTraceLevel(maskBefore);
            if (before == null) {
                System.clearProperty(WHITELIST_PROPERTY);
            } else {
                System.setProperty(WHITELIST_PROPERTY, before);
            }
            FourLetterCommands.resetWhiteList();
        }
    }

    private List<String> onMenagerie(String transport, String whitelist) throws Exception {
        try (InJvmMenagerie server = new InJvmMenagerie(dir.resolve("menagerie-" + transport), transport,
                "4lw.commands.whitelist=" + whitelist)) {
            long maskBefore = Long.parseLong(send(server.port(), "gtmk"));
            try {
                return stmkThenGtmk(server.port());
            } finally {
                send(server.port(), stmk(maskBefore));
            }
        }
    }

    private static List<String> stmkThenGtmk(int port) throws IOException {
        return List.of(send(port, stmk(MASK)), send(port, "gtmk"));
    }

    private static String send(int port, String word) throws IOException {
        return ClientPortFourLetterWordsTest.send(port, word);
    }

    private static String send(int port, byte[] bytes) throws IOException {
        return ClientPortFourLetterWordsTest.send(port, bytes);
    }

    private static byte[] stmk(long mask) {
        return ByteBuffer.allocate(12).put("stmk".getBytes(StandardCharsets.US_ASCII)).putLong(mask).array();
    }
}
