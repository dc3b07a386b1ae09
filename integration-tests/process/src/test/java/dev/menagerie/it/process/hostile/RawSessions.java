package dev.menagerie.it.process.hostile;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.function.IntFunction;
import org.apache.zookeeper.proto.ConnectResponse;

/**
 * Many raw client connections driven by one selector thread: each sends one connect request and waits for the
 * answer, or for the server to close it. A connection the server closes is tried again, up to a number of attempts,
 * after a random pause of up to a second, as Apache's client does. Connections stay open until {@link #close}.
 * Source addresses spread over 127/8 (Linux loopback answers all of it), so a per-address limit can be met or
 * exceeded on purpose.
 */
final class RawSessions implements AutoCloseable {

    /** What became of one connection. */
    static final class Outcome {
        ConnectResponse response;
        /** Nanoseconds from the start of the batch until the server answered or closed the connection. */
        long doneNs = -1;
        boolean closedByServer;
        int attempts;
        final int index;
        final String source;
        final ByteBuffer out;
        final ByteBuffer length = ByteBuffer.allocate(4);
        ByteBuffer body;

        Outcome(int index, String source, byte[] connectFrame) {
            this.index = index;
            this.source = source;
            this.out = ByteBuffer.wrap(connectFrame);
        }

        private void retry() {
            doneNs = -1;
            closedByServer = false;
            out.rewind();
            length.clear();
            body = null;
        }

        boolean done() {
            return doneNs >= 0;
        }
    }

    /** Pause before a retry: at most this, chosen at random (Apache's client waits up to a second). */
    private static final int MAX_RETRY_PAUSE_MS = 1_000;

    private final List<SocketChannel> channels = new ArrayList<>();
    private final List<Outcome> outcomes = new ArrayList<>();
    private final Random random = new Random(20_261_207L);
    private final PriorityQueue<long[]> retries = new PriorityQueue<>(Comparator.comparingLong(r -> r[0]));
    private final int maxAttempts;
    private long retried;

    private RawSessions(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    /**
     * Opens {@code count} connections at once, connection {@code i} from {@code source.apply(i)}, each sending
     * {@code connectFrame.apply(i)} and making at most {@code maxAttempts}; returns when every one is answered or
     * closed for good, or at the timeout.
     */
    static RawSessions connectAll(int port, int count, IntFunction<String> source, IntFunction<byte[]> connectFrame,
            int maxAttempts, Duration timeout) throws IOException {
        RawSessions sessions = new RawSessions(maxAttempts);
        try {
            sessions.run(port, count, source, connectFrame, timeout);
        } catch (IOException | RuntimeException e) {
            sessions.close();
            throw e;
        }
        return sessions;
    }

    private void run(int port, int count, IntFunction<String> source, IntFunction<byte[]> connectFrame,
            Duration timeout) throws IOException {
        long startNs = System.nanoTime();
        long deadlineNs = startNs + timeout.toNanos();
        InetSocketAddress server = new InetSocketAddress("127.0.0.1", port);
        try (Selector selector = Selector.open()) {
            for (int i = 0; i < count; i++) {
                Outcome outcome = new Outcome(i, source.apply(i), connectFrame.apply(i));
                outcomes.add(outcome);
                open(selector, server, outcome);
            }
            int pending = count;
            while (pending > 0 && System.nanoTime() < deadlineNs) {
                while (!retries.isEmpty() && retries.peek()[0] <= System.nanoTime()) {
                    open(selector, server, outcomes.get((int) retries.poll()[1]));
                }
                selector.select(50);
                for (SelectionKey key : selector.selectedKeys()) {
                    if (step(key, startNs)) {
                        pending -= finished(key) ? 1 : 0;
                    }
                }
                selector.selectedKeys().clear();
            }
        }
    }

    private void open(Selector selector, InetSocketAddress server, Outcome outcome) throws IOException {
        SocketChannel channel = SocketChannel.open();
        channels.add(channel);
        outcome.attempts++;
        channel.bind(new InetSocketAddress(outcome.source, 0));
        channel.configureBlocking(false);
        channel.connect(server);
        channel.register(selector, SelectionKey.OP_CONNECT, outcome);
    }

    /** True when the connection is finished for good; false when it is to be tried again. */
    private boolean finished(SelectionKey key) throws IOException {
        Outcome outcome = (Outcome) key.attachment();
        if (!outcome.closedByServer || outcome.attempts >= maxAttempts) {
            return true;
        }
        key.channel().close();
        outcome.retry();
        retried++;
        long dueNs = System.nanoTime() + random.nextInt(MAX_RETRY_PAUSE_MS) * 1_000_000L;
        retries.add(new long[] {dueNs, outcome.index});
        return false;
    }

    /** Advances one connection; true when it has just finished (answered or closed). */
    private static boolean step(SelectionKey key, long startNs) {
        Outcome outcome = (Outcome) key.attachment();
        SocketChannel channel = (SocketChannel) key.channel();
        try {
            if (key.isConnectable() && channel.finishConnect()) {
                key.interestOps(SelectionKey.OP_WRITE);
            } else if (key.isWritable()) {
                channel.write(outcome.out);
                if (!outcome.out.hasRemaining()) {
                    key.interestOps(SelectionKey.OP_READ);
                }
            } else if (key.isReadable()) {
                return read(key, channel, outcome, startNs);
            }
            return false;
        } catch (IOException closed) {
            return finish(key, outcome, startNs, true);
        }
    }

    private static boolean read(SelectionKey key, SocketChannel channel, Outcome outcome, long startNs)
            throws IOException {
        ByteBuffer target = outcome.body == null ? outcome.length : outcome.body;
        if (channel.read(target) < 0) {
            return finish(key, outcome, startNs, true);
        }
        if (outcome.body == null && !outcome.length.hasRemaining()) {
            outcome.body = ByteBuffer.allocate(outcome.length.getInt(0));
        }
        if (outcome.body != null && !outcome.body.hasRemaining()) {
            outcome.response = Wire.connectResponse(outcome.body.array());
            return finish(key, outcome, startNs, false);
        }
        return false;
    }

    private static boolean finish(SelectionKey key, Outcome outcome, long startNs, boolean closedByServer) {
        key.interestOps(0);
        outcome.closedByServer = closedByServer;
        outcome.doneNs = System.nanoTime() - startNs;
        return true;
    }

    List<Outcome> outcomes() {
        return outcomes;
    }

    /** Connections the server answered with a live session (a positive timeout). */
    long established() {
        return outcomes.stream().filter(o -> o.response != null && o.response.getTimeOut() > 0).count();
    }

    long closedByServer() {
        return outcomes.stream().filter(o -> o.closedByServer).count();
    }

    /** How many times a connection the server closed was tried again. */
    long retried() {
        return retried;
    }

    long unfinished() {
        return outcomes.stream().filter(o -> !o.done()).count();
    }

    @Override
    public void close() throws IOException {
        for (SocketChannel channel : channels) {
            channel.close();
        }
    }
}
