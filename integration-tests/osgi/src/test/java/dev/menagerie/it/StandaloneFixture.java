package dev.menagerie.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes, in the test JVM before the framework starts, a standalone zoo.cfg served by the NIO transport: a
 * temporary directory with {@code zoo.cfg}, its pristine copy {@code zoo.cfg.baseline}, and an empty dataDir.
 * The client and admin ports are free loopback ports.
 */
final class StandaloneFixture {

    /** Apache's default: sessions may last 4 to 40 s, so the clients' 10 s session timeout is granted as asked. */
    static final int TICK_TIME_MS = 2000;
    static final String FOUR_LETTER_WORDS = "srvr,ruok,stat,conf";

    private StandaloneFixture() {
    }

    /** Returns the path of the new zoo.cfg, ending with {@code extraLines}; the directory goes when the JVM exits. */
    static Path writeStandalone(String... extraLines) {
        try {
            Path dir = Files.createTempDirectory("menagerie-it-standalone-");
            QuorumFixture.deleteOnExit(dir);
            Path dataDir = Files.createDirectories(dir.resolve("data"));
            Path zooCfg = dir.resolve("zoo.cfg");
            String text = standaloneText(dataDir, QuorumFixture.freeLoopbackPorts(2)) + String.join("\n", extraLines)
                    + (extraLines.length == 0 ? "" : "\n");
            Files.writeString(zooCfg, text);
            Files.writeString(dir.resolve("zoo.cfg" + QuorumFixture.BASELINE_SUFFIX), text);
            return zooCfg;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the standalone test zoo.cfg", e);
        }
    }

    private static String standaloneText(Path dataDir, List<Integer> ports) {
        return String.join("\n",
                "# a standalone server, written for an in-framework test",
                "tickTime=" + TICK_TIME_MS,
                "dataDir=" + dataDir.toAbsolutePath(),
                "clientPortAddress=127.0.0.1",
                "clientPort=" + ports.get(0),
                "maxClientCnxns=" + QuorumFixture.BASELINE_MAX_CLIENT_CNXNS,
                "admin.serverAddress=127.0.0.1",
                "admin.serverPort=" + ports.get(1),
                "serverCnxnFactory=nio",
                "4lw.commands.whitelist=" + FOUR_LETTER_WORDS,
                "");
    }
}
