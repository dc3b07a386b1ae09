package dev.menagerie.quorum.impl.zab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.protocol.quorum.QuorumPacket;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class PacketSenderTest {

    private static final int PAYLOAD_BYTES = 1024;
    private static final long LIMIT_BYTES = 1024 * 1024;

    /**
     * A peer that stops reading must not make the sender hold an ever-growing queue. The writer thread is not
     * started, so nothing drains: that is a peer whose socket buffers are full, without waiting for them to fill.
     */
    @Test
    void aConnectionThatMakesNoProgressFailsOnceTheQueueBoundIsPassed() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Socket client = new Socket(listener.getInetAddress(), listener.getLocalPort());
                Socket silentPeer = listener.accept()) {
            CompletableFuture<IOException> failure = new CompletableFuture<>();
            PacketSender sender = new PacketSender(new PacketChannel(client), "test-sender", failure::complete,
                    PacketSender.QueueWatcher.NONE, LIMIT_BYTES, PacketSender.DEFAULT_MAX_QUEUED_ITEMS);
            QuorumPacket proposal = new QuorumPacket(ZabPacketType.PROPOSAL.code(), 1, new byte[PAYLOAD_BYTES], null);
            int sent = 0;
            // Bounded: about a thousand 1 KB packets pass the 1 MB bound.
            while (!failure.isDone() && sent < 100_000) {
                sender.send(proposal);
                sent++;
            }
            IOException error = failure.getNow(null);
            assertTrue(error != null, "still no failure after " + sent + " packets");
            assertTrue(error.getMessage().contains("reads too slowly"), error.getMessage());
            long queued = sender.queuedBytes();
            assertTrue(queued > LIMIT_BYTES && queued <= LIMIT_BYTES + PAYLOAD_BYTES + 64, "queued " + queued + " bytes");
            sender.send(proposal);
            assertEquals(queued, sender.queuedBytes(), "nothing more is queued once the connection failed");
            sender.stop();
        }
    }

    /** Packets without payload count little against the byte bound: the entry bound stops them piling up. */
    @Test
    void manySmallPacketsFailTheConnectionOnceTheEntryBoundIsPassed() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Socket client = new Socket(listener.getInetAddress(), listener.getLocalPort());
                Socket silentPeer = listener.accept()) {
            CompletableFuture<IOException> failure = new CompletableFuture<>();
            PacketSender sender = new PacketSender(new PacketChannel(client), "test-sender", failure::complete,
                    PacketSender.QueueWatcher.NONE, LIMIT_BYTES, 100);
            QuorumPacket ping = new QuorumPacket(ZabPacketType.PING.code(), 1, null, null);
            for (int i = 0; i < 100; i++) {
                sender.send(ping);
            }
            assertFalse(failure.isDone(), "100 entries fit");
            sender.send(ping);
            IOException error = failure.getNow(null);
            assertTrue(error != null && error.getMessage().contains("100 packets wait"), String.valueOf(error));
            sender.send(ping);
            sender.enqueue(channel -> channel.write(ping));
            assertEquals(100 * 32L, sender.queuedBytes(), "nothing more is queued once the connection failed");
        }
    }
}
