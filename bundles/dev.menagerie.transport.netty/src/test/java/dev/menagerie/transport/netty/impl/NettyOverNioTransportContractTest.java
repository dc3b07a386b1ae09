package dev.menagerie.transport.netty.impl;

import dev.menagerie.api.metrics.MetricsRegistry;
import dev.menagerie.api.transport.ServerCnxnFactory;
import dev.menagerie.testing.Components;
import dev.menagerie.transport.contract.TransportContractTest;

/** The shared transport contract on the Java NIO engine, which is what runs where native epoll does not load. */
class NettyOverNioTransportContractTest extends TransportContractTest {

    @Override
    protected ServerCnxnFactory newFactory() {
        return new NettyServerCnxnFactory(() -> IoTransport.nio("forced by the test"),
                Components.create(MetricsRegistry.class).service());
    }
}
