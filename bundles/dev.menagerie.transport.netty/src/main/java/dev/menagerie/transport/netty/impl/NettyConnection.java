package dev.menagerie.transport.netty.impl;

import dev.menagerie.api.transport.Connection;
import dev.menagerie.api.transport.ConnectionHandler;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.security.cert.Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client channel. Reading, framing and the handler's calls happen on the channel's event loop; {@link #send}
 * and the other public methods may be called from any thread (Netty queues their work in call order).
 *
 * <p>Replies waiting for a client that does not read them are bounded as in the nio transport: above
 * {@link #pauseSendBytes} the channel stops reading and delivering frames until the client has read enough; above
 * {@link #maxSendBytes} it is closed.
 */
final class NettyConnection implements Connection, FrameReader.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(NettyConnection.class);
    /** Unsent bytes at which a connection is closed, as a multiple of {@link #pauseSendBytes}. */
    static final int MAX_SEND_PAUSES = 32;
    /** The least unsent byte count at which a connection stops taking requests. */
    static final long MIN_PAUSE_SEND_BYTES = 1 << 20;

    private final long id;
    private final Channel channel;
    private final ConnectionHandler handler;
    private final FrameReader reader;
    private final List<Certificate> peerCertificates;
    private final Consumer<NettyConnection> onClosed;
    private final InetSocketAddress remote;
    private final InetSocketAddress local;
    private final AtomicLong pendingBytes = new AtomicLong();
    private final AtomicBoolean reportedClosed = new AtomicBoolean();
    private volatile boolean closing;
    private volatile boolean closedByClient;
    private volatile boolean receiving = true;
    private volatile Object attachment;
    private final long pauseSendBytes;
    private final long maxSendBytes;

    NettyConnection(long id, Channel channel, ConnectionHandler handler, FrameReader reader,
            List<Certificate> peerCertificates, Consumer<NettyConnection> onClosed) {
        this.id = id;
        this.channel = channel;
        this.handler = handler;
        this.reader = reader;
        this.pauseSendBytes = Math.max(MIN_PAUSE_SEND_BYTES, reader.maxFrameBytes());
        this.maxSendBytes = pauseSendBytes * MAX_SEND_PAUSES;
        this.peerCertificates = List.copyOf(peerCertificates);
        this.onClosed = onClosed;
        this.remote = (InetSocketAddress) channel.remoteAddress();
        this.local = (InetSocketAddress) channel.localAddress();
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
        if (closing) {
            return;
        }
        ByteBuffer payload = frame.duplicate();
        ByteBuf buffer = channel.alloc().directBuffer(4 + payload.remaining());
        buffer.writeInt(payload.remaining()).writeBytes(payload);
        write(buffer);
    }

    @Override
    public void sendRawAndClose(ByteBuffer bytes) {
        if (closing) {
            return;
        }
        ByteBuffer raw = bytes.duplicate();
        write(channel.alloc().directBuffer(raw.remaining()).writeBytes(raw));
        close();
    }

    private void write(ByteBuf buffer) {
        long bytes = buffer.readableBytes();
        long pending = pendingBytes.addAndGet(bytes);
        if (pending > maxSendBytes) {
            buffer.release();
            LOG.warn("Closing {}: {} bytes of replies wait for the client to read them (at most {})", this, pending,
                    maxSendBytes);
            pendingBytes.addAndGet(-bytes);
            closeNow();
            return;
        }
        channel.writeAndFlush(buffer).addListener(done -> {
            long left = pendingBytes.addAndGet(-bytes);
            if (left <= pauseSendBytes && left + bytes > pauseSendBytes) {
                applyReceiving();
            }
        });
        if (pending > pauseSendBytes && pending - bytes <= pauseSendBytes) {
            setReceiving(receiving);
        }
    }

    @Override
    public void setReceiving(boolean receiving) {
        this.receiving = receiving;
        if (channel.eventLoop().inEventLoop()) {
            applyReceiving();
        } else {
            channel.eventLoop().execute(this::applyReceiving);
        }
    }

    /** On the event loop: frames read before a pause are delivered on resume, before anything read later. */
    private void applyReceiving() {
        if (accepting()) {
            reader.drain(this);
        }
        channel.config().setAutoRead(receiving && pendingBytes.get() <= pauseSendBytes);
    }

    /** Queued after the frames already sent, so they go out first. */
    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public boolean closedByClient() {
        return closedByClient;
    }

    /** Drops the connection without flushing; {@link #channelClosed} follows when the channel is gone. */
    void closeNow() {
        closing = true;
        channel.close();
    }

    @Override
    public List<Certificate> peerCertificates() {
        return peerCertificates;
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

    Channel channel() {
        return channel;
    }

    // ---- event loop only ----

    /** Bytes the channel read (decrypted, on a TLS port); this connection now owns them. */
    void read(ByteBuf bytes) {
        reader.feed(bytes, this);
    }

    /** The channel is closed: frees the buffered bytes and tells the handler, exactly once. */
    void channelClosed() {
        if (!reportedClosed.compareAndSet(false, true)) {
            return;
        }
        // As Apache's netty transport: a channel that closed before the server asked was dropped by the client.
        closedByClient = !closing;
        closing = true;
        String word = reader.awaitedArgumentOf();
        if (word != null) {
            LOG.info("Closing {}: it closed before the argument of {} arrived", this, word);
        }
        reader.release();
        try {
            handler.closed(this);
        } catch (RuntimeException e) {
            LOG.warn("{}: the server failed while handling its close", this, e);
        }
        onClosed.accept(this);
    }

    // ---- FrameReader.Listener ----

    /** The server wants requests and the client has read all but {@link #pauseSendBytes} of its replies. */
    @Override
    public boolean accepting() {
        return receiving && !closing && pendingBytes.get() <= pauseSendBytes;
    }

    @Override
    public void frame(ByteBuffer frame) {
        try {
            handler.received(this, frame);
        } catch (RuntimeException e) {
            LOG.warn("{}: closing it, the server failed on its request", this, e);
            closeNow();
        }
    }

    @Override
    public void fourLetterWord(String command) {
        try {
            handler.fourLetterWord(this, command);
        } catch (RuntimeException e) {
            LOG.warn("{}: four-letter word {} failed", this, command, e);
            closeNow();
        }
    }

    @Override
    public void awaitingArgument(String command) {
        channel.eventLoop().schedule(this::closeIfArgumentOverdue, ConnectionHandler.FOUR_LETTER_ARGUMENT_WAIT_MS,
                TimeUnit.MILLISECONDS);
    }

    private void closeIfArgumentOverdue() {
        String word = reader.awaitedArgumentOf();
        if (word == null) {
            return;
        }
        LOG.info("Closing {}: the argument of {} did not arrive within {} ms", this, word,
                ConnectionHandler.FOUR_LETTER_ARGUMENT_WAIT_MS);
        reader.release();
        closeNow();
    }

    @Override
    public void fourLetterWord(String command, long argument) {
        try {
            handler.fourLetterWord(this, command, argument);
        } catch (RuntimeException e) {
            LOG.warn("{}: four-letter word {} failed", this, command, e);
            closeNow();
        }
    }

    @Override
    public void badLength(int declaredLength) {
        LOG.warn("Closing {}: packet length {} is out of range (0 to {}); check jute.maxbuffer on client and server",
                this, declaredLength, reader.maxFrameBytes());
        closeNow();
    }

    @Override
    public String toString() {
        return "connection " + id + " from " + remote;
    }
}
