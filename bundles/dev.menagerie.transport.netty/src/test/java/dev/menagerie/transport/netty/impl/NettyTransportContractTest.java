package dev.menagerie.transport.netty.impl;

import dev.menagerie.api.metrics.MetricsRegistry;
import dev.menagerie.api.transport.ServerCnxnFactory;
import dev.menagerie.testing.Components;
import dev.menagerie.transport.contract.TransportContractTest;

/** The shared transport contract, on the I/O engine this machine offers (native epoll on Linux x86_64). */
class NettyTransportContractTest extends TransportContractTest {

    @Override
    protected ServerCnxnFactory newFactory() {
        return new NettyServerCnxnFactory(Components.create(MetricsRegistry.class).service());
    }
}
