package dev.menagerie.quorum.impl.zab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.protocol.quorum.QuorumPacket;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class PacketSenderTest {

    private static final int PAYLOAD_BYTES = 1024;
    private static final long LIMIT_BYTES = 1024 * 1024;

    /** A peer that stops reading must not make the sender hold an ever-growing queue. */
    @Test
    void aPeerThatDoesNotReadFailsTheConnectionOnceTheQueueBoundIsPassed() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Socket client = new Socket(listener.getInetAddress(), listener.getLocalPort());
                Socket silentPeer = listener.accept()) {
            CompletableFuture<IOException> failure = new CompletableFuture<>();
            PacketSender sender = new PacketSender(new PacketChannel(client), "test-sender", failure::complete,
                    LIMIT_BYTES);
            sender.start();
            QuorumPacket proposal = new QuorumPacket(ZabPacketType.PROPOSAL.code(), 1, new byte[PAYLOAD_BYTES], null);
            int sent = 0;
            // Bounded: the socket buffers take a few MB at most, then the queue passes the 1 MB bound.
            while (!failure.isDone() && sent < 100_000) {
                sender.send(proposal);
                sent++;
            }
            IOException error = failure.get(5, TimeUnit.SECONDS);
            assertTrue(error.getMessage().contains("reads too slowly"), error.getMessage());
            assertTrue(sender.queuedBytes() <= LIMIT_BYTES + PAYLOAD_BYTES + 64,
                    "queued " + sender.queuedBytes() + " bytes");
            long queued = sender.queuedBytes();
            sender.send(proposal);
            assertEquals(queued, sender.queuedBytes(), "nothing more is queued once the connection failed");
            sender.stop();
        }
    }
}
