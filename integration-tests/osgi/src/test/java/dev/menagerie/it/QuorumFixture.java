package dev.menagerie.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes, in the test JVM before the framework starts, a valid zoo.cfg for member 1 of a three-server ensemble:
 * a temporary directory with {@code zoo.cfg}, a pristine copy {@code zoo.cfg.baseline} that tests restore, and
 * {@code data/myid}. Every port is a free loopback port, so parallel builds on one machine do not collide.
 */
final class QuorumFixture {

    static final String BASELINE_SUFFIX = ".baseline";
    static final int BASELINE_MAX_CLIENT_CNXNS = 60;

    private static final int PORTS_NEEDED = 8;

    private QuorumFixture() {
    }

    /** Returns the path of the new zoo.cfg; the directory is removed when the JVM exits. */
    static Path writeQuorumOfThree() {
        try {
            Path dir = Files.createTempDirectory("menagerie-it-");
            deleteOnExit(dir);
            Path dataDir = Files.createDirectories(dir.resolve("data"));
            Files.writeString(dataDir.resolve("myid"), "1\n");
            Path zooCfg = dir.resolve("zoo.cfg");
            String text = quorumText(dataDir, freeLoopbackPorts(PORTS_NEEDED));
            Files.writeString(zooCfg, text);
            Files.writeString(dir.resolve("zoo.cfg" + BASELINE_SUFFIX), text);
            return zooCfg;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the test zoo.cfg", e);
        }
    }

    private static String quorumText(Path dataDir, List<Integer> ports) {
        return String.join("\n",
                "# member 1 of a three-server ensemble, written for an in-framework test",
                "tickTime=2000",
                "initLimit=10",
                "syncLimit=5",
                "dataDir=" + dataDir.toAbsolutePath(),
                "clientPortAddress=127.0.0.1",
                "clientPort=" + ports.get(0),
                "maxClientCnxns=" + BASELINE_MAX_CLIENT_CNXNS,
                "admin.serverAddress=127.0.0.1",
                "admin.serverPort=" + ports.get(1),
                "server.1=127.0.0.1:" + ports.get(2) + ":" + ports.get(3),
                "server.2=127.0.0.1:" + ports.get(4) + ":" + ports.get(5),
                "server.3=127.0.0.1:" + ports.get(6) + ":" + ports.get(7),
                "");
    }

    /** Holds all sockets open until every port is chosen, so the ports differ from each other. */
    static List<Integer> freeLoopbackPorts(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }

    static void deleteOnExit(Path dir) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException ignored) {
                // a temporary directory left behind is harmless
            }
        }, "menagerie-it-cleanup"));
    }
}
