package dev.menagerie.election.fle.impl.net;

import dev.menagerie.election.fle.impl.wire.FrameDecoder;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One live election connection after its handshake, with Apache's pair of workers: a sender that drains the peer's
 * {@link SendSlot} and a receiver that hands complete frames to the sink. Any I/O error, and any frame length
 * outside 1..512 KiB, closes this connection only.
 */
final class PeerConnection {

    private static final Logger LOG = LoggerFactory.getLogger(PeerConnection.class);
    /** How long the sender waits on an empty slot before it checks whether it should still run. */
    private static final long SEND_POLL_MS = 1000;

    private final long sid;
    private final Socket socket;
    private final DataInputStream in;
    private final SendSlot slot;
    private final MessageSink sink;
    private final Consumer<PeerConnection> onClosed;
    private final ThreadSet threads;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final boolean outbound;
    private volatile Thread sender;

    PeerConnection(long sid, Socket socket, DataInputStream in, boolean outbound, SendSlot slot, MessageSink sink,
            ThreadSet threads, Consumer<PeerConnection> onClosed) {
        this.sid = sid;
        this.socket = socket;
        this.in = in;
        this.outbound = outbound;
        this.slot = slot;
        this.sink = sink;
        this.threads = threads;
        this.onClosed = onClosed;
    }

    long sid() {
        return sid;
    }

    /** True when we dialled this connection, false when the peer did. */
    boolean outbound() {
        return outbound;
    }

    void start() {
        sender = threads.start("fle-send-" + sid, this::sendLoop);
        threads.start("fle-recv-" + sid, this::receiveLoop);
    }

    void close() {
        if (closed.compareAndSet(false, true)) {
            onClosed.accept(this); // first, so nobody sees a closed socket still listed as live
            Sockets.closeQuietly(socket);
            Thread s = sender;
            if (s != null && s != Thread.currentThread()) {
                s.interrupt(); // stop waiting on the slot: a newer connection serves it now
            }
        }
    }

    boolean isClosed() {
        return closed.get();
    }

    private void sendLoop() {
        try {
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
            byte[] resend = slot.resendOnConnect();
            if (resend != null) {
                write(out, resend);
            }
            while (!closed.get()) {
                byte[] payload = slot.take(SEND_POLL_MS);
                if (payload == null) {
                    continue;
                }
                if (closed.get()) {
                    slot.giveBack(payload); // the replacing connection sends it
                    return;
                }
                write(out, payload);
            }
        } catch (IOException e) {
            if (!closed.get()) {
                LOG.info("Election connection to server {} failed while sending: {}", sid, e.toString());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            close();
        }
    }

    private static void write(DataOutputStream out, byte[] payload) throws IOException {
        out.write(FrameDecoder.frame(payload));
        out.flush();
    }

    private void receiveLoop() {
        try {
            while (!closed.get()) {
                int length = in.readInt();
                if (length <= 0 || length > FrameDecoder.MAX_FRAME_BYTES) {
                    LOG.warn("Server {} sent an election frame of {} bytes (allowed 1..{}); closing its connection",
                            sid, length, FrameDecoder.MAX_FRAME_BYTES);
                    return;
                }
                byte[] payload = new byte[length];
                in.readFully(payload);
                sink.received(sid, payload);
            }
        } catch (IOException e) {
            if (!closed.get()) {
                LOG.info("Election connection from server {} ended: {}", sid, e.toString());
            }
        } finally {
            close();
        }
    }
}
