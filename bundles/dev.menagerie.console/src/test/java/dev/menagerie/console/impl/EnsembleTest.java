package dev.menagerie.console.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.admin.testing.FakeServerStatus;
import dev.menagerie.api.config.HostPort;
import dev.menagerie.api.config.LearnerType;
import dev.menagerie.api.config.QuorumMember;
import dev.menagerie.api.status.Latency;
import dev.menagerie.api.status.ServerSummary;
import dev.menagerie.testing.FakeServerConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The ensemble panel: the other members' srvr answers, their roles, zxids and lag behind the newest member. */
class EnsembleTest {

    private final List<ServerSocket> members = new ArrayList<>();

    @AfterEach
    void closeMembers() throws IOException {
        for (ServerSocket member : members) {
            member.close();
        }
    }

    /** A member that answers one srvr with the given mode and zxid, as zkServer.sh status reads it. */
    private HostPort memberAnswering(String mode, long zxid) throws IOException {
        ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        members.add(socket);
        Thread thread = new Thread(() -> {
            try (Socket client = socket.accept()) {
                client.getInputStream().readNBytes(4);
                client.getOutputStream().write(("Zookeeper version: 3.9.5\nLatency min/avg/max: 0/0.0/0\n"
                        + "Zxid: 0x" + Long.toHexString(zxid) + "\nMode: " + mode + "\nNode count: 5\n")
                        .getBytes(StandardCharsets.US_ASCII));
            } catch (IOException closed) {
                // the test is over
            }
        }, "fake-member");
        thread.setDaemon(true);
        thread.start();
        return new HostPort("127.0.0.1", socket.getLocalPort());
    }

    private static QuorumMember member(long id, HostPort client) {
        return new QuorumMember(id, new HostPort("127.0.0.1", 1), new HostPort("127.0.0.1", 2), client,
                LearnerType.PARTICIPANT, QuorumMember.NO_GROUP, 1);
    }

    @Test
    void membersShowTheirRoleZxidAndHowFarTheyLagBehindTheNewest() throws IOException {
        FakeServerConfig config = new FakeServerConfig();
        config.standalone = false;
        config.myId = 1L;
        config.members = List.of(member(1, new HostPort("127.0.0.1", 1)),
                member(2, memberAnswering("leader", 0x5_0000_0010L)),
                member(3, new HostPort("127.0.0.1", closedPort())));
        FakeServerStatus self = new FakeServerStatus();
        self.summary = new ServerSummary("follower", true, 0x5_0000_000dL, new Latency(0, 0, 0), 0, 0, 0, 0, 1, 0, 0);
        Ensemble ensemble = new Ensemble();

        ensemble.probePeers(config);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) ensemble
                .toMap(self, config, new ElectionWatch()).get("members");

        assertEquals(List.of("follower", "leader", "?"), rows.stream()
                .map(row -> row.get("mode") == null ? "?" : row.get("mode")).toList());
        assertEquals("0x50000000d", rows.get(0).get("zxid"));
        assertEquals(3L, rows.get(0).get("lag"));
        assertEquals(0L, rows.get(1).get("lag"));
        assertNull(rows.get(2).get("lag"));
        assertTrue(String.valueOf(rows.get(2).get("error")).startsWith("ConnectException"),
                "an unreachable member says why: " + rows.get(2).get("error"));
    }

    @Test
    void aMemberWithoutAClientPortIsProbedOnItsQuorumHostWithThisServersClientPort() throws IOException {
        HostPort fake = memberAnswering("follower", 0x7_0000_0001L);
        FakeServerConfig config = new FakeServerConfig();
        config.standalone = false;
        config.myId = 1L;
        config.clientAddress = new HostPort("0.0.0.0", fake.port());
        config.members = List.of(member(1, null), member(2, null));
        Ensemble ensemble = new Ensemble();

        ensemble.probePeers(config);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) ensemble
                .toMap(new FakeServerStatus(), config, new ElectionWatch()).get("members");

        assertEquals("follower", rows.get(1).get("mode"));
        assertEquals("127.0.0.1:" + fake.port(), rows.get(1).get("address"));
        config.clientAddress = new HostPort("127.0.0.1", fake.port());
        assertTrue(Ensemble.clientAddress(config.members.get(1), config).isEmpty(),
                "the guess would be this server's own address");
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
