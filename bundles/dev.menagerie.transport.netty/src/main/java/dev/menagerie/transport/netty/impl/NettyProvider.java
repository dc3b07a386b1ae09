package dev.menagerie.transport.netty.impl;

import dev.menagerie.api.metrics.MetricsRegistry;
import dev.menagerie.api.plugin.BasicStrategyProvider;
import dev.menagerie.api.transport.ServerCnxnFactory;

/** The netty strategy on the module path, where {@link java.util.ServiceLoader} finds this provider. */
public final class NettyProvider extends BasicStrategyProvider<ServerCnxnFactory> {

    public NettyProvider() {
        super(ServerCnxnFactory.class, "netty",
                services -> new NettyServerCnxnFactory(services.service(MetricsRegistry.class)));
    }
}
