package dev.menagerie.transport.nio.impl;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Owns a selector and does all socket I/O for the connections assigned to it. */
final class SelectorThread implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(SelectorThread.class);
    private static final int READ_BUFFER_BYTES = 64 * 1024;

    private final Selector selector;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final Queue<NioConnection> writeRequests = new ConcurrentLinkedQueue<>();
    private final ByteBuffer scratch = ByteBuffer.allocateDirect(READ_BUFFER_BYTES);
    private final Thread thread;
    /** Connections waiting for a four-letter word's argument; touched on this thread only. */
    private final List<NioConnection> awaitingArgument = new ArrayList<>();
    private volatile boolean running = true;

    SelectorThread(String name) throws IOException {
        this.selector = Selector.open();
        this.thread = new Thread(this, name);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Registers an accepted channel; {@code connect} builds the connection on this thread. */
    void adopt(SocketChannel channel, Function<SocketChannel, NioConnection> connect) {
        execute(() -> {
            NioConnection connection = connect.apply(channel);
            if (connection == null) {
                return;
            }
            try {
                SelectionKey key = channel.register(selector, SelectionKey.OP_READ, connection);
                connection.registered(key);
            } catch (IOException e) {
                LOG.debug("could not register {}: {}", connection, e.toString());
                connection.closeNow();
            }
        });
    }

    void execute(Runnable task) {
        tasks.add(task);
        selector.wakeup();
    }

    void requestWrite(NioConnection connection) {
        writeRequests.add(connection);
        selector.wakeup();
    }

    @Override
    public void run() {
        try {
            while (running) {
                selector.select(1000);
                runTasks();
                flushWrites();
                handleSelected();
                closeOverdueArguments();
            }
        } catch (IOException | ClosedSelectorException e) {
            if (running) {
                LOG.error("selector thread {} stopped: {}", thread.getName(), e.toString());
            }
        } finally {
            closeAll();
        }
    }

    /** Called on this thread: {@code connection} waits for an argument until its deadline. */
    void awaitArgument(NioConnection connection) {
        awaitingArgument.add(connection);
    }

    /** The select above wakes at least once a second, so a deadline is enforced within a second of passing. */
    private void closeOverdueArguments() {
        if (awaitingArgument.isEmpty()) {
            return;
        }
        long now = System.nanoTime();
        awaitingArgument.removeIf(connection -> connection.closeIfArgumentOverdue(now));
    }

    private void runTasks() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warn("selector task failed", e);
            }
        }
    }

    private void flushWrites() {
        NioConnection connection;
        while ((connection = writeRequests.poll()) != null) {
            if (!connection.isClosed()) {
                connection.onWritable();
            }
        }
    }

    private void handleSelected() {
        Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
        while (keys.hasNext()) {
            SelectionKey key = keys.next();
            keys.remove();
            NioConnection connection = (NioConnection) key.attachment();
            if (!key.isValid()) {
                connection.closeNow();
                continue;
            }
            if (key.isWritable()) {
                connection.onWritable();
            }
            if (key.isValid() && key.isReadable()) {
                connection.onReadable(scratch);
            }
        }
    }

    private void closeAll() {
        runTasks();
        for (SelectionKey key : selector.keys()) {
            if (key.attachment() instanceof NioConnection connection) {
                connection.closeNow();
            }
        }
        try {
            selector.close();
        } catch (IOException e) {
            LOG.debug("selector close failed: {}", e.toString());
        }
    }

    /** Stops the loop, closes every connection it owns and waits for the thread to end. */
    void shutdown() throws InterruptedException {
        running = false;
        selector.wakeup();
        thread.join(10_000);
    }
}
