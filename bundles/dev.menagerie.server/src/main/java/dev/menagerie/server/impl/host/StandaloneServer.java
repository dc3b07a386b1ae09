package dev.menagerie.server.impl.host;

import dev.menagerie.api.config.ServerConfig;
import dev.menagerie.api.metrics.MetricsRegistry;
import dev.menagerie.api.status.ServerStatus;
import dev.menagerie.api.storage.Storage;
import dev.menagerie.server.impl.cnxn.ClientProtocolHandler;
import dev.menagerie.server.impl.auth.PluginProviders;
import dev.menagerie.server.impl.core.ServerSettings;
import dev.menagerie.server.impl.core.ZooKeeperServer;
import dev.menagerie.server.impl.status.FourLetterWordSlot;
import dev.menagerie.server.impl.status.ServerGauges;
import java.io.IOException;

/**
 * A standalone server and its client port: the server core, the protocol handler and the transport slot. The
 * OSGi component drives it; tests can run it without a framework.
 */
public final class StandaloneServer {

    private final ZooKeeperServer server;
    private final TransportSlot transports;
    private final FourLetterWordSlot fourLetterWords;
    private final MetricsRegistry metrics;
    private ServerGauges gauges;
    private ClientProtocolHandler handler;
    private TransportPlan plan;

    /**
     * @param plugins the authentication providers of plugin bundles, which zoo.cfg's authProvider.N selects
     * @param fourLetterWords the handler that answers the client port's four-letter words
     * @param metrics the registry the server's metrics go to
     */
    public StandaloneServer(ServerConfig config, Storage storage, TransportSlot transports, PluginProviders plugins,
            FourLetterWordSlot fourLetterWords, MetricsRegistry metrics) {
        this.fourLetterWords = fourLetterWords;
        this.metrics = metrics;
        this.server = new ZooKeeperServer(ServerSettings.from(config), storage, 0, plugins, metrics);
        this.transports = transports;
        this.plan = TransportPlan.from(config);
        server.failStop().onStop(this::stop);
    }

    /** What a fail-stop does instead of stopping this server (the host stops it and may end the process). */
    public void onFailStop(Runnable action) {
        server.failStop().onStop(action);
    }

    public void start() throws IOException {
        server.audit().start(() -> {
            server.start();
            handler = new ClientProtocolHandler(server, fourLetterWords);
            gauges = new ServerGauges(metrics, handler.status(), server.stats(), server.connectionThrottle(),
                    transports::outstandingTlsHandshakes, () -> server.db() == null ? null : server.db().tree());
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
        if (gauges != null) {
            gauges.close();
        }
        if (handler != null) {
            handler.close();
        }
        server.shutdown();
    }

    public ZooKeeperServer server() {
        return server;
    }

    /** What four-letter words and admin commands report about this server; once {@link #start()} ran. */
    public ServerStatus status() {
        return handler.status();
    }
}
