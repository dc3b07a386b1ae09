package dev.menagerie.election.fle.impl.net;

import static dev.menagerie.election.fle.impl.net.PortHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.menagerie.api.config.HostPort;
import dev.menagerie.api.election.PeerAuthenticator;
import dev.menagerie.api.election.PeerSockets;
import dev.menagerie.election.fle.impl.wire.FrameDecoder;
import dev.menagerie.election.fle.impl.wire.HandshakeCodec;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The connection rules of Apache's QuorumCnxManager, over 127.0.0.1. */
@Timeout(60)
class ElectionPortTest {

    @Test
    void whenEveryoneDialsOnlyTheHigherIdsConnectionSurvives() throws Exception {
        try (PortHarness h = new PortHarness(3)) {
            for (long id = 1; id <= 3; id++) {
                h.open(id);
            }
            for (long from = 1; from <= 3; from++) {
                for (long to = 1; to <= 3; to++) {
                    if (from != to) {
                        h.ports.get(from).send(to, ("hello " + to).getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
            for (long id = 1; id <= 3; id++) {
                long me = id;
                await("server " + me + " to hear from both others", () -> h.inbox(me).size() >= 2);
            }
            for (long id = 1; id <= 3; id++) {
                long me = id;
                await("server " + me + " to settle on two connections", () -> h.ports.get(me).connections().size() == 2);
                Map<Long, Boolean> connections = h.ports.get(id).connections();
                for (Map.Entry<Long, Boolean> c : connections.entrySet()) {
                    assertEquals(id > c.getKey(), c.getValue(),
                            "server " + id + " dialled server " + c.getKey() + " (true) or was dialled (false)");
                }
            }
        }
    }

    @Test
    void aLowerIdsDialIsAnsweredByTheHigherIdDiallingBack() throws Exception {
        try (PortHarness h = new PortHarness(2)) {
            ElectionPort low = h.open(1);
            ElectionPort high = h.open(2);

            low.send(2, "vote".getBytes(StandardCharsets.UTF_8));

            await("the vote to arrive at server 2", () -> h.inbox(2).contains("1:vote"));
            assertEquals(Map.of(2L, false), low.connections());
            assertEquals(Map.of(1L, true), high.connections());
        }
    }

    @Test
    void aNewConnectionSendsTheLastMessageAgain() throws Exception {
        try (PortHarness h = new PortHarness(2)) {
            h.open(1);
            ElectionPort high = h.open(2);
            high.send(1, "vote".getBytes(StandardCharsets.UTF_8));
            await("the vote to arrive", () -> h.inbox(1).contains("2:vote"));

            h.ports.get(1L).close();
            ElectionPort restarted = h.open(1);
            restarted.send(2, "hi".getBytes(StandardCharsets.UTF_8));

            await("server 2's last vote to reach the restarted server 1", () -> h.inbox(1).contains("2:vote"));
        }
    }

    @Test
    void anOversizedFrameClosesOnlyItsOwnConnection() throws Exception {
        try (PortHarness h = new PortHarness(2); Socket raw = new Socket()) {
            ElectionPort port = h.open(1);
            connectPeers(h);

            raw.connect(new InetSocketAddress("127.0.0.1", port.localPort()), 2000);
            DataOutputStream out = new DataOutputStream(raw.getOutputStream());
            out.write(HandshakeCodec.encode(7, new HostPort("127.0.0.1", 1)));
            out.writeInt(FrameDecoder.MAX_FRAME_BYTES + 1);
            out.flush();

            assertClosedByPeer(raw);
            assertPeersStillTalk(h);
        }
    }

    @Test
    void aBadHandshakeClosesOnlyItsOwnConnection() throws Exception {
        try (PortHarness h = new PortHarness(2); Socket raw = new Socket()) {
            ElectionPort port = h.open(1);
            connectPeers(h);

            raw.connect(new InetSocketAddress("127.0.0.1", port.localPort()), 2000);
            DataOutputStream out = new DataOutputStream(raw.getOutputStream());
            out.writeLong(-5); // no protocol version has this number
            out.writeLong(9);
            out.flush();

            assertClosedByPeer(raw);
            assertPeersStillTalk(h);
        }
    }

    @Test
    void aPeerNameThatDoesNotResolveLeavesTheListenerRunning() throws Exception {
        try (PortHarness h = new PortHarness(2)) {
            h.addresses.put(3L, new HostPort("no-such-peer.invalid", 3888));
            ElectionPort port = h.open(1);
            h.open(2);

            port.send(3, "lost".getBytes(StandardCharsets.UTF_8));
            h.ports.get(2L).send(1, "still here".getBytes(StandardCharsets.UTF_8));

            await("server 2's message despite the unknown name", () -> h.inbox(1).contains("2:still here"));
        }
    }

    @Test
    void anOwnNameThatDoesNotResolveYetDoesNotFailTheStart() throws Exception {
        ElectionPort port = new ElectionPort(1, new HostPort("not-yet-there.invalid", PortHarness.freePort()),
                id -> null, 2000, (sid, payload) -> { }, PeerSockets.PLAINTEXT,
                PeerAuthenticator.NONE);
        port.open();
        assertEquals(-1, port.localPort(), "nothing bound until the name resolves");
        port.close();
    }

    private static void connectPeers(PortHarness h) throws Exception {
        h.open(2).send(1, "first".getBytes(StandardCharsets.UTF_8));
        await("server 2's first message", () -> h.inbox(1).contains("2:first"));
    }

    private static void assertPeersStillTalk(PortHarness h) throws Exception {
        assertEquals(Map.of(2L, false), h.ports.get(1L).connections());
        h.ports.get(2L).send(1, "after".getBytes(StandardCharsets.UTF_8));
        await("server 2's message after the bad connection", () -> h.inbox(1).contains("2:after"));
    }

    private static void assertClosedByPeer(Socket raw) throws IOException {
        raw.setSoTimeout(5000);
        InputStream in = raw.getInputStream();
        try {
            assertEquals(-1, in.read(), "the election port closes the offending socket");
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the election port left the offending socket open", e);
        } catch (IOException e) {
            // a reset is a close too
        }
    }
}
