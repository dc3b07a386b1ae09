package dev.menagerie.transport.netty.impl;

import dev.menagerie.api.metrics.Counter;
import dev.menagerie.api.metrics.MetricsRegistry;
import dev.menagerie.api.metrics.MetricsRegistry.Detail;
import dev.menagerie.api.metrics.Summary;

/**
 * What this transport feeds into the server's metrics, under the names and kinds of Apache ZooKeeper 3.9.5's netty
 * transport. The server registers the same names at its start, so they are listed (at 0) whichever transport runs.
 */
final class NettyMetrics {

    /** TLS handshakes that failed (no, or an untrusted, client certificate; not TLS at all). */
    final Counter unsuccessfulHandshakes;
    /** Bytes a connection's read buffer can hold, each time bytes stay in it for later (a partial frame, a pause). */
    final Summary queuedBufferCapacity;
    /** Connections closed because {@link HandshakeLimit} TLS handshakes were in progress already. */
    final Counter tlsHandshakesExceeded;

    NettyMetrics(MetricsRegistry registry) {
        unsuccessfulHandshakes = registry.counter("unsuccessful_handshake");
        queuedBufferCapacity = registry.summary("netty_queued_buffer_capacity", Detail.BASIC);
        tlsHandshakesExceeded = registry.counter("tls_handshake_exceeded");
    }
}
