package dev.menagerie.server.impl.host;

import dev.menagerie.api.transport.Connection;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** A client connection without a socket: records frames, raw answers and whether it was closed. */
final class FakeConnection implements Connection {

    private static final AtomicLong IDS = new AtomicLong();
    private final long id = IDS.incrementAndGet();
    private Object attachment;
    final List<ByteBuffer> frames = new CopyOnWriteArrayList<>();
    final CompletableFuture<String> raw = new CompletableFuture<>();
    volatile boolean closed;

    @Override
    public long id() {
        return id;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return new InetSocketAddress("127.0.0.1", 40_000 + (int) id);
    }

    @Override
    public InetSocketAddress localAddress() {
        return new InetSocketAddress("127.0.0.1", 2181);
    }

    @Override
    public void send(ByteBuffer frame) {
        ByteBuffer copy = ByteBuffer.allocate(frame.remaining());
        copy.put(frame.duplicate()).flip();
        frames.add(copy);
    }

    @Override
    public void sendRawAndClose(ByteBuffer bytes) {
        raw.complete(StandardCharsets.UTF_8.decode(bytes).toString());
        closed = true;
    }

    @Override
    public void setReceiving(boolean receiving) {
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public List<Certificate> peerCertificates() {
        return List.of();
    }

    @Override
    public long pendingSendBytes() {
        return 0;
    }

    @Override
    public Object attachment() {
        return attachment;
    }

    @Override
    public void attach(Object newAttachment) {
        attachment = newAttachment;
    }
}
