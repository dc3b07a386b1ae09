package dev.menagerie.election.fle.impl.net;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.api.config.HostPort;
import dev.menagerie.api.election.PeerAuthenticator;
import dev.menagerie.api.election.PeerSockets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Election ports 1..n on 127.0.0.1 that record what they receive. */
final class PortHarness implements AutoCloseable {

    final Map<Long, HostPort> addresses = new ConcurrentHashMap<>();
    final Map<Long, ElectionPort> ports = new HashMap<>();
    final Map<Long, List<String>> received = new ConcurrentHashMap<>();

    PortHarness(int n) {
        for (long id = 1; id <= n; id++) {
            addresses.put(id, new HostPort("127.0.0.1", freePort()));
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ElectionPort open(long id) throws IOException {
        List<String> inbox = new CopyOnWriteArrayList<>();
        received.put(id, inbox);
        ElectionPort port = new ElectionPort(id, addresses.get(id), addresses::get, 2000,
                (sid, payload) -> inbox.add(sid + ":" + new String(payload)), PeerSockets.PLAINTEXT,
                PeerAuthenticator.NONE);
        port.open();
        ports.put(id, port);
        return port;
    }

    List<String> inbox(long id) {
        return new ArrayList<>(received.getOrDefault(id, List.of()));
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        Object monitor = new Object();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadlineNs, "timed out waiting for " + what);
            synchronized (monitor) {
                monitor.wait(10); // polling a condition nobody signals
            }
        }
    }

    @Override
    public void close() {
        ports.values().forEach(ElectionPort::close);
    }
}
