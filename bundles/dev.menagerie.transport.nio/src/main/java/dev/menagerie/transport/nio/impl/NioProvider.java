package dev.menagerie.transport.nio.impl;

import dev.menagerie.api.plugin.BasicStrategyProvider;
import dev.menagerie.api.transport.ServerCnxnFactory;

/** The nio strategy on the module path, where {@link java.util.ServiceLoader} finds this provider. */
public final class NioProvider extends BasicStrategyProvider<ServerCnxnFactory> {

    public NioProvider() {
        super(ServerCnxnFactory.class, "nio", services -> new NioServerCnxnFactory());
    }
}
