package dev.menagerie.it.process.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.it.process.Clients;
import dev.menagerie.it.process.Distribution;
import dev.menagerie.it.process.MenagerieServer;
import dev.menagerie.it.process.ZkShell;
import dev.menagerie.testing.Await;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;

/**
 * An operator at a server started in the background: {@code zkServer.sh shell} attaches to it and runs the
 * menagerie commands, switching the client transport from nio to netty and back while a client stays connected
 * with its session, listing connections and sessions, writing a snapshot and purging; a connection without the
 * ticket's token runs nothing.
 */
class GogoShellTest {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration SHELL_TIMEOUT = Duration.ofSeconds(90);
    /**
     * The console log lines a command's own thread writes: Gogo gives that thread the shell's stdout, so the
     * operator sees them too (the distribution's logback.xml logs to the console).
     */
    private static final Pattern LOG_LINE =
            Pattern.compile("(?m)^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2},\\d{3} .*\n");

    @Test
    void anOperatorSwitchesTheTransportAndSnapshotsThroughTheShell() throws Exception {
        Path work = Distribution.newWorkDir("gogo-shell");
        try (MenagerieServer server = MenagerieServer.forTest("gogo", work, Map.of())) {
            server.start();
            ZooKeeper client = Clients.awaitServing(server, START_TIMEOUT);
            try {
                long session = client.getSessionId();
                client.create("/held", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
                Path zooCfg = server.workDir().resolve(server.name() + ".cfg");
                Path ticket = server.dataDir().resolve("menagerie-shell");
                Await.untilTrue("the shell ticket " + ticket, START_TIMEOUT, () -> Files.exists(ticket));
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(ticket)));

                String status = shell(zooCfg, "menagerie:status", "menagerie:strategies");
                assertTrue(status.contains("mode:        standalone\n"), status);
                assertTrue(status.contains("serving:     yes\n"), status);
                assertTrue(status.contains("clients:     1 connection, 1 session, "), status);
                assertTrue(status.contains("cnxnFactory (zoo.cfg serverCnxnFactory): selected nio, bound nio\n"),
                        status);
                assertTrue(Pattern.compile("(?m)^\\s+(installed: )?netty\\s+dev\\.menagerie\\.transport\\.netty ")
                        .matcher(status).find(), status);

                String clients = shell(zooCfg, "menagerie:connections", "menagerie:sessions");
                String sessionHex = "0x" + Long.toHexString(session);
                assertTrue(clients.startsWith("1 connection\n"), clients);
                assertTrue(clients.contains(" session " + sessionHex + " timeout "), clients);
                assertTrue(clients.contains("1 session\n  " + sessionHex + " expires in "), clients);
                assertTrue(clients.contains(", 1 ephemeral\n    /held\n"), clients);

                String toNetty = shell(zooCfg, "menagerie:switch cnxnFactory netty");
                assertTrue(toNetty.startsWith("cnxnFactory: nio -> netty (serverCnxnFactory=netty written to zoo.cfg)"
                        + "\nbound netty under zoo.cfg revision 2 after "), toNetty);
                assertTrue(Files.readAllLines(zooCfg).contains("serverCnxnFactory=netty"));
                assertSessionKept(client, session);

                String refused = shell(zooCfg, "menagerie:switch cnxnFactory epoll", "menagerie:strategies");
                assertTrue(refused.startsWith("Refused: no installed bundle provides cnxnFactory type=epoll"
                        + " (installed: netty, nio); cnxnFactory stays netty\n"), refused);
                assertTrue(refused.contains("selected netty, bound netty\n"), refused);

                String toNio = shell(zooCfg, "menagerie:switch serverCnxnFactory nio");
                assertTrue(toNio.startsWith("cnxnFactory: netty -> nio"), toNio);
                assertSessionKept(client, session);

                String snapshot = shell(zooCfg, "menagerie:snapshot");
                Matcher written = Pattern.compile("^snapshot 0x[0-9a-f]+ written: (\\S+) \\(([0-9]+) bytes\\)\n$")
                        .matcher(snapshot);
                assertTrue(written.matches(), snapshot);
                Path file = Path.of(written.group(1));
                assertEquals(server.dataDir().resolve("version-2").toRealPath(), file.getParent().toRealPath());
                assertEquals(Long.parseLong(written.group(2)), Files.size(file));
                // Two snapshots (start-up's and this one): fewer than the 3 kept, so nothing goes.
                String purge = shell(zooCfg, "menagerie:purge");
                assertTrue(purge.startsWith("purge deleted 0 files; kept 2 snapshots and 1 transaction log\n"), purge);
                assertTrue(Files.exists(file), "the snapshot just written is kept");

                assertWrongTokenRunsNothing(ticket);

                String help = shell(zooCfg, "menagerie:usage");
                for (String command : List.of("config", "connections", "purge", "sessions", "snapshot", "status",
                        "strategies", "switch <role> <type>", "usage")) {
                    assertTrue(help.contains("menagerie:" + command + "\n"), command + " in\n" + help);
                }
                assertTrue(help.contains("select another strategy for a role"), help);
                // Gogo's help lists methods by their names, so it cannot see switch (a Java keyword, _switch).
                String gogoHelp = shell(zooCfg, "help");
                assertTrue(gogoHelp.contains("felix:lb\n") && gogoHelp.contains("menagerie:usage\n"),
                        "Gogo's own help still lists every scope:\n" + gogoHelp);
            } finally {
                Clients.closeQuietly(client);
            }
        }
    }

    /** A local user who cannot read the ticket cannot run anything: the first line must be its token. */
    private static void assertWrongTokenRunsNothing(Path ticket) throws IOException {
        int port = Integer.parseInt(Files.readAllLines(ticket).get(0).substring("port=".length()));
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout((int) SHELL_TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write("0123\nmenagerie:purge\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals("Refused: wrong token (read it from " + ticket.toAbsolutePath() + ")\n", answer);
        }
    }

    /** The operator's way in: the commands on the script's stdin, the answers on its stdout. */
    private static String shell(Path zooCfg, String... commands) throws IOException, InterruptedException {
        return LOG_LINE.matcher(ZkShell.run(zooCfg, SHELL_TIMEOUT, commands)).replaceAll("");
    }

    /** The client reconnects to the new transport with the session it had: its ephemeral node is still there. */
    private static void assertSessionKept(ZooKeeper client, long session) {
        Await.untilNoException("the client reads through the new transport", START_TIMEOUT,
                () -> client.exists("/held", false));
        assertEquals(session, client.getSessionId());
        assertEquals(session, Await.untilNoException("the ephemeral node's owner", START_TIMEOUT,
                () -> client.exists("/held", false).getEphemeralOwner()));
    }
}
