package dev.menagerie.classpath;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Loopback ports nothing listens on right now. They are picked below Linux's ephemeral range (32768+): a client
 * that keeps reconnecting to a stopped server on an ephemeral-range port can be handed that very port as its own
 * local port and connect to itself. A port is handed out once per JVM: an ensemble picks a dozen ports before any
 * server binds one, so "nothing listens there" alone would let two members draw the same port.
 */
public final class LoopbackPorts {

    private static final int LOWEST = 20_000;
    private static final int HIGHEST_EXCLUSIVE = 32_000;
    private static final int MAX_TRIES = 200;
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private LoopbackPorts() {
    }

    /** A port in [20000, 32000) that was free a moment ago and that this JVM has not handed out before. */
    public static int next() {
        for (int tries = 0; tries < MAX_TRIES; tries++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, HIGHEST_EXCLUSIVE);
            if (HANDED_OUT.contains(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                if (HANDED_OUT.add(port)) {
                    return port;
                }
            } catch (IOException inUse) {
                // try another
            }
        }
        throw new IllegalStateException("no free loopback port in [" + LOWEST + ", " + HIGHEST_EXCLUSIVE + ")");
    }
}
