package dev.menagerie.transport.contract;

import dev.menagerie.api.transport.Connection;
import dev.menagerie.api.transport.ConnectionHandler;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** A server stand-in that echoes frames and records what the transport reported. */
public class RecordingHandler implements ConnectionHandler {

    public final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    public final Set<Connection> open = ConcurrentHashMap.newKeySet();
    public final AtomicInteger closedCount = new AtomicInteger();
    /** The most bytes any connection had waiting to be sent right after an echo was queued. */
    public final AtomicLong mostPendingSendBytes = new AtomicLong();
    public volatile boolean refuseConnections;
    /** A frame holding exactly these bytes makes the handler throw, as a buggy request path would. */
    public static final byte[] POISON = "poison!".getBytes(StandardCharsets.US_ASCII);

    @Override
    public boolean connected(Connection connection) {
        if (refuseConnections) {
            events.add("refused");
            return false;
        }
        open.add(connection);
        events.add("connected");
        return true;
    }

    @Override
    public void received(Connection connection, ByteBuffer frame) {
        if (frame.equals(ByteBuffer.wrap(POISON))) {
            throw new IllegalStateException("poisoned request");
        }
        ByteBuffer copy = ByteBuffer.allocate(frame.remaining());
        copy.put(frame).flip();
        connection.send(copy);
        mostPendingSendBytes.accumulateAndGet(connection.pendingSendBytes(), Math::max);
    }

    @Override
    public void fourLetterWord(Connection connection, String command) {
        events.add("4lw:" + command);
        connection.sendRawAndClose(ByteBuffer.wrap(("answer to " + command + "\n")
                .getBytes(StandardCharsets.US_ASCII)));
    }

    @Override
    public void fourLetterWord(Connection connection, String command, long argument) {
        events.add("4lw:" + command + " " + argument);
        connection.sendRawAndClose(ByteBuffer.wrap(("answer to " + command + " " + argument + "\n")
                .getBytes(StandardCharsets.US_ASCII)));
    }

    @Override
    public void closed(Connection connection) {
        open.remove(connection);
        closedCount.incrementAndGet();
        events.add("closed");
    }
}
