package dev.menagerie.transport.nio.impl;

import dev.menagerie.api.transport.Connection;
import dev.menagerie.api.transport.ConnectionHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.security.cert.Certificate;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client socket. Reads and writes happen only on the owning selector thread; {@link #send} and the other
 * public methods may be called from any thread and hand their work to that thread.
 *
 * <p>The bytes queued for a client that does not read them are bounded: above {@link #pauseSendBytes} the
 * connection takes no further request (it stops reading, and frames already read wait in {@link #unread}) until
 * the client has read enough; above {@link #maxSendBytes}, which only requests taken before the pause can reach,
 * the connection is closed. Apache ZooKeeper queues without a bound here.
 */
final class NioConnection implements Connection, FrameDecoder.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(NioConnection.class);
    private static final int MAX_BUFFERS_PER_WRITE = 64;
    /** Unsent bytes at which a connection is closed, as a multiple of {@link #pauseSendBytes}. */
    static final int MAX_SEND_PAUSES = 32;
    /** The least unsent byte count at which a connection stops taking requests. */
    static final long MIN_PAUSE_SEND_BYTES = 1 << 20;

    private final long id;
    private final SocketChannel channel;
    private final SelectorThread owner;
    private final ConnectionHandler handler;
    private final Consumer<NioConnection> onClosed;
    private final FrameDecoder decoder;
    private final InetSocketAddress remote;
    private final InetSocketAddress local;
    private final Queue<ByteBuffer> outgoing = new ConcurrentLinkedQueue<>();
    private final ArrayDeque<ByteBuffer> writing = new ArrayDeque<>();
    private final AtomicLong pendingBytes = new AtomicLong();
    private final AtomicBoolean writeRequested = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean closing;
    private volatile boolean closedByClient;
    private volatile boolean receiving = true;
    private volatile Object attachment;
    private final long pauseSendBytes;
    private final long maxSendBytes;
    /** Bytes read but not yet decoded while the connection takes no requests; at most one read's worth. */
    private ByteBuffer unread;
    private SelectionKey key;
    /** When a four-letter word's argument must have arrived ({@link System#nanoTime}); selector thread only. */
    private long argumentDeadlineNanos;

    NioConnection(long id, SocketChannel channel, SelectorThread owner, Consumer<NioConnection> onClosed,
            ConnectionHandler handler, int maxFrameBytes) throws IOException {
        this.id = id;
        this.onClosed = onClosed;
        this.channel = channel;
        this.owner = owner;
        this.handler = handler;
        this.decoder = new FrameDecoder(maxFrameBytes);
        this.pauseSendBytes = Math.max(MIN_PAUSE_SEND_BYTES, maxFrameBytes);
        this.maxSendBytes = pauseSendBytes * MAX_SEND_PAUSES;
        this.remote = (InetSocketAddress) channel.getRemoteAddress();
        this.local = (InetSocketAddress) channel.getLocalAddress();
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return remote;
    }

    @Override
    public InetSocketAddress localAddress() {
        return local;
    }

    @Override
    public void send(ByteBuffer frame) {
        ByteBuffer header = ByteBuffer.allocate(4).putInt(0, frame.remaining());
        enqueue(header, frame.duplicate());
    }

    @Override
    public void sendRawAndClose(ByteBuffer bytes) {
        enqueue(bytes.duplicate());
        close();
    }

    private void enqueue(ByteBuffer... buffers) {
        if (closing || closed.get()) {
            return;
        }
        long bytes = 0;
        synchronized (outgoing) {
            for (ByteBuffer b : buffers) {
                outgoing.add(b);
                bytes += b.remaining();
            }
        }
        long pending = pendingBytes.addAndGet(bytes);
        if (pending > maxSendBytes) {
            closing = true;
            LOG.warn("Closing connection {} from {}: {} bytes of replies wait for the client to read them (at most {})",
                    id, remote, pending, maxSendBytes);
            owner.execute(this::closeNow);
            return;
        }
        requestWrite();
    }

    private void requestWrite() {
        if (writeRequested.compareAndSet(false, true)) {
            owner.requestWrite(this);
        }
    }

    @Override
    public void setReceiving(boolean receiving) {
        this.receiving = receiving;
        owner.execute(this::updateInterest);
    }

    @Override
    public void close() {
        closing = true;
        requestWrite();
    }

    /** Only the end of the stream counts, as in Apache's nio transport: a reset is an error, not a client's close. */
    @Override
    public boolean closedByClient() {
        return closedByClient;
    }

    @Override
    public List<Certificate> peerCertificates() {
        return List.of();
    }

    @Override
    public long pendingSendBytes() {
        return pendingBytes.get();
    }

    @Override
    public Object attachment() {
        return attachment;
    }

    @Override
    public void attach(Object attachment) {
        this.attachment = attachment;
    }

    boolean isClosed() {
        return closed.get();
    }

    // ---- selector thread only ----

    void registered(SelectionKey key) {
        this.key = key;
        if (closing || pendingBytes.get() > 0) {
            requestWrite();
        }
    }

    /** Reads what the socket has into the decoder; {@code scratch} is the selector thread's buffer. */
    void onReadable(ByteBuffer scratch) {
        if (!accepting() || unread != null) {
            updateInterest();
            return;
        }
        try {
            scratch.clear();
            int n = channel.read(scratch);
            if (n < 0) {
                closedByClient = true;
                String word = decoder.awaitedArgumentOf();
                if (word != null) {
                    LOG.info("Closing connection {} from {}: it closed before the argument of {} arrived", id, remote,
                            word);
                }
                closeNow();
                return;
            }
            scratch.flip();
            decode(scratch);
            if (unread != null) {
                updateInterest();
            }
        } catch (IOException e) {
            LOG.debug("connection {} from {}: read failed: {}", id, remote, e.toString());
            closeNow();
        }
    }

    /** Writes queued buffers; keeps OP_WRITE interest while the socket cannot take more. */
    void onWritable() {
        writeRequested.set(false);
        try {
            drainOutgoing();
            while (!writing.isEmpty()) {
                ByteBuffer[] batch = writing.stream().limit(MAX_BUFFERS_PER_WRITE).toArray(ByteBuffer[]::new);
                long written = channel.write(batch);
                pendingBytes.addAndGet(-written);
                while (!writing.isEmpty() && !writing.peekFirst().hasRemaining()) {
                    writing.pollFirst();
                }
                if (written == 0) {
                    break;
                }
                drainOutgoing();
            }
        } catch (IOException e) {
            LOG.debug("connection {} to {}: write failed: {}", id, remote, e.toString());
            closeNow();
            return;
        }
        if (writing.isEmpty() && outgoing.isEmpty() && closing) {
            closeNow();
            return;
        }
        updateInterest();
    }

    /** Feeds the decoder; what it leaves because the connection stopped taking requests is kept for later. */
    private void decode(ByteBuffer input) {
        decoder.feed(input, this);
        if (input.hasRemaining() && !closing) {
            unread = ByteBuffer.allocate(input.remaining()).put(input).flip();
        }
    }

    private void drainOutgoing() {
        ByteBuffer b;
        while ((b = outgoing.poll()) != null) {
            writing.addLast(b);
        }
    }

    void updateInterest() {
        if (key == null || !key.isValid()) {
            return;
        }
        while (unread != null && accepting()) {
            ByteBuffer resumed = unread;
            unread = null;
            decode(resumed);
        }
        if (closed.get() || !key.isValid()) {
            return;
        }
        int ops = 0;
        if (accepting() && unread == null) {
            ops |= SelectionKey.OP_READ;
        }
        if (!writing.isEmpty()) {
            ops |= SelectionKey.OP_WRITE;
        }
        key.interestOps(ops);
    }

    /** Closes the socket at once and tells the handler, exactly once. */
    void closeNow() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        closing = true;
        if (key != null) {
            key.cancel();
        }
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("connection {}: close failed: {}", id, e.toString());
        }
        outgoing.clear();
        writing.clear();
        unread = null;
        pendingBytes.set(0);
        onClosed.accept(this);
        try {
            handler.closed(this);
        } catch (RuntimeException e) {
            LOG.warn("connection {}: the server failed while handling its close", id, e);
        }
    }

    // ---- FrameDecoder.Listener, called on the selector thread ----

    /** The server wants requests and the client has read all but {@link #pauseSendBytes} of its replies. */
    @Override
    public boolean accepting() {
        return receiving && !closing && pendingBytes.get() <= pauseSendBytes;
    }

    @Override
    public void frame(ByteBuffer frame) {
        if (closing) {
            return;
        }
        try {
            handler.received(this, frame);
        } catch (RuntimeException e) {
            LOG.warn("connection {} from {}: closing it, the server failed on its request", id, remote, e);
            closeNow();
        }
    }

    @Override
    public void fourLetterWord(String command) {
        try {
            handler.fourLetterWord(this, command);
        } catch (RuntimeException e) {
            LOG.warn("connection {} from {}: four-letter word {} failed", id, remote, command, e);
            closeNow();
        }
    }

    @Override
    public void awaitingArgument(String command) {
        argumentDeadlineNanos = System.nanoTime() + ConnectionHandler.FOUR_LETTER_ARGUMENT_WAIT_MS * 1_000_000;
        owner.awaitArgument(this);
    }

    @Override
    public void fourLetterWord(String command, long argument) {
        try {
            handler.fourLetterWord(this, command, argument);
        } catch (RuntimeException e) {
            LOG.warn("connection {} from {}: four-letter word {} failed", id, remote, command, e);
            closeNow();
        }
    }

    /**
     * Closes the connection if it still waits for a four-letter word's argument after its deadline. True once the
     * connection no longer waits (closed now, closed before, or the argument arrived).
     */
    boolean closeIfArgumentOverdue(long nowNanos) {
        String word = decoder.awaitedArgumentOf();
        if (closed.get() || word == null) {
            return true;
        }
        if (nowNanos - argumentDeadlineNanos < 0) {
            return false;
        }
        LOG.info("Closing connection {} from {}: the argument of {} did not arrive within {} ms", id, remote, word,
                ConnectionHandler.FOUR_LETTER_ARGUMENT_WAIT_MS);
        closeNow();
        return true;
    }

    @Override
    public void badLength(int declaredLength) {
        LOG.warn("Closing connection {} from {}: packet length {} is out of range (0 to {}); check jute.maxbuffer"
                + " on client and server", id, remote, declaredLength, decoder.maxFrameBytes());
        closeNow();
    }

    @Override
    public String toString() {
        return "connection " + id + " from " + remote;
    }
}
