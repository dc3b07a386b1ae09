package dev.menagerie.server.impl.host;

import dev.menagerie.api.config.ServerConfig;
import dev.menagerie.api.storage.Storage;
import dev.menagerie.server.impl.cnxn.ClientProtocolHandler;
import dev.menagerie.server.impl.auth.PluginProviders;
import dev.menagerie.server.impl.core.ServerSettings;
import dev.menagerie.server.impl.core.ZooKeeperServer;
import java.io.IOException;

/**
 * A standalone server and its client port: the server core, the protocol handler and the transport slot. The
 * OSGi component drives it; tests can run it without a framework.
 */
public final class StandaloneServer {

    private final ZooKeeperServer server;
    private final TransportSlot transports;
    private ClientProtocolHandler handler;
    private TransportPlan plan;

    public StandaloneServer(ServerConfig config, Storage storage, TransportSlot transports) {
        this(config, storage, transports, new PluginProviders());
    }

    /** @param plugins the authentication providers of plugin bundles, which zoo.cfg's authProvider.N selects */
    public StandaloneServer(ServerConfig config, Storage storage, TransportSlot transports, PluginProviders plugins) {
        this.server = new ZooKeeperServer(ServerSettings.from(config), storage, 0, plugins);
        this.transports = transports;
        this.plan = TransportPlan.from(config);
    }

    public void start() throws IOException {
        server.audit().start(() -> {
            server.start();
            handler = new ClientProtocolHandler(server);
            transports.open(plan, handler);
        });
    }

    /** Applies what can change live (limits, whitelist, timeouts) and rebinds the port if its address changed. */
    public void apply(ServerConfig config) {
        server.updateSettings(ServerSettings.from(config));
        plan = TransportPlan.from(config);
        transports.replan(plan);
    }

    public void stop() {
        server.audit().serverStopping();
        transports.close();
        server.shutdown();
    }

    public ZooKeeperServer server() {
        return server;
    }
}
