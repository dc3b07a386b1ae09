package dev.menagerie.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.server.impl.status.BuildVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The four-letter words operators and monitoring tools send, with Apache's formats and whitelist. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ClientPortFourLetterWordsTest {

    @TempDir
    Path dir;

    static String send(int port, String word) throws IOException {
        return send(port, word.getBytes(StandardCharsets.US_ASCII));
    }

    /** Sends {@code bytes} in one write, as a client's single packet, and reads the answer to the end. */
    static String send(int port, byte[] bytes) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(bytes);
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void everyCommandAnswersWithApachesFormat() throws Exception {
        try (InJvmMenagerie server = new InJvmMenagerie(dir, "nio")) {
            ZooKeeper zk = JavaClientSmokeTest.connect(server.connectString(), new LinkedBlockingQueue<>());
            zk.create("/e", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
            zk.exists("/e", true);
            int port = server.port();
            assertEquals("imok", send(port, "ruok"));
            assertEquals("rw", send(port, "isro"));
            String srvr = send(port, "srvr");
            assertTrue(srvr.startsWith("Zookeeper version: " + BuildVersion.full() + "\n"), srvr);
            assertTrue(srvr.startsWith("Zookeeper version: 3.9.5-"), "tools read Apache's version before the -");
            assertTrue(srvr.contains("Mode: standalone\n") && srvr.contains("Node count: 6\n"), srvr);
            String stat = send(port, "stat");
            assertTrue(stat.contains("Clients:\n /127.0.0.1:"), stat);
            String cons = send(port, "cons");
            assertTrue(cons.contains(",sid=0x") && cons.contains("lop="), cons);
            String mntr = send(port, "mntr");
            assertTrue(mntr.contains("zk_server_state\tstandalone\n") && mntr.contains("zk_ephemerals_count\t1\n")
                    && mntr.contains("zk_watch_count\t1\n"), mntr);
            assertTrue(send(port, "conf").contains("clientPort=" + port + "\n"));
            assertTrue(send(port, "envi").startsWith("Environment:\n"));
            assertTrue(send(port, "wchs").contains("1 connections watching 1 paths"), send(port, "wchs"));
            assertTrue(send(port, "wchp").contains("/e\n"), send(port, "wchp"));
            assertTrue(send(port, "dump").contains("\t/e\n"), send(port, "dump"));
            assertTrue(send(port, "dirs").startsWith("datadir_size: "));
            long receivedBefore = received(send(port, "srvr"));
            assertTrue(receivedBefore >= 3, "connect, create and exists were counted");
            assertEquals("Server stats reset.\n", send(port, "srst"));
            assertTrue(received(send(port, "srvr")) < receivedBefore, "srst zeroed the packet counters");
            assertEquals("Connection stats reset.\n", send(port, "crst"));
            zk.close();
        }
    }

    private static long received(String srvr) {
        for (String line : srvr.split("\n")) {
            if (line.startsWith("Received: ")) {
                return Long.parseLong(line.substring("Received: ".length()));
            }
        }
        throw new AssertionError("no Received line in " + srvr);
    }

    @Test
    void wordsOutsideTheWhitelistAreRefusedAsApacheRefusesThem() throws Exception {
        try (InJvmMenagerie server = new InJvmMenagerie(dir, "nio", "4lw.commands.whitelist=srvr")) {
            assertEquals("ruok is not executed because it is not in the whitelist.\n", send(server.port(), "ruok"));
            assertTrue(send(server.port(), "srvr").contains("Mode: standalone"));
        }
    }
}
