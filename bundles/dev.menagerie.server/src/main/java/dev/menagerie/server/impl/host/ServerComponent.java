package dev.menagerie.server.impl.host;

import dev.menagerie.api.auth.AuthenticationProvider;
import dev.menagerie.api.config.ServerConfig;
import dev.menagerie.api.config.StrategyTargets;
import dev.menagerie.api.metrics.CounterSet;
import dev.menagerie.api.metrics.MetricsRegistry;
import dev.menagerie.api.replication.QuorumPeerFactory;
import dev.menagerie.api.status.FourLetterWordHandler;
import dev.menagerie.api.storage.Storage;
import dev.menagerie.api.storage.StorageFactory;
import dev.menagerie.api.storage.StorageSettings;
import dev.menagerie.api.transport.ServerCnxnFactory;
import dev.menagerie.server.impl.auth.PluginProviders;
import dev.menagerie.server.impl.core.ServerSettings;
import dev.menagerie.server.impl.status.FourLetterWordSlot;
import dev.menagerie.server.impl.status.StatusRegistration;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the server zoo.cfg describes: standalone, or a member of an ensemble whose quorum peer (election and Zab)
 * comes from a {@link QuorumPeerFactory}. The storage engine is a static reference (a new engine means reloading
 * the database, so the component restarts); the client transport and the peer factory are dynamic and greedy, so
 * swapping NIO and Netty keeps the server, its sessions and its watches.
 */
@Component(immediate = true, configurationPid = StrategyTargets.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
public final class ServerComponent {

    private static final Logger LOG = LoggerFactory.getLogger(ServerComponent.class);

    private final TransportSlot transports;
    private final PluginProviders authPlugins = new PluginProviders();
    private final ProviderServices builtInProviders = new ProviderServices();
    private final FourLetterWordSlot fourLetterWords = new FourLetterWordSlot();
    private final StatusRegistration status = new StatusRegistration();
    private final BundleContext context;
    private final StorageFactory storageFactory;
    private final MetricsRegistry metrics;
    private volatile ServerConfig config;
    private StandaloneServer standalone;
    private ReplicatedServer replicated;
    private final QuorumPeerHolder peer;
    private Storage storage;

    /**
     * Set by bin/zkServer.sh: a server that cannot load its database exits (status 1, as Apache's does) instead of
     * running with its client port closed. Tests and embedders leave it unset.
     */
    static final String EXIT_PROPERTY = "menagerie.exitOnConfigError";
    private static final int EXIT_UNEXPECTED_ERROR = 1;

    private final boolean exitOnFailure;

    @Activate
    public ServerComponent(@Reference(name = StrategyTargets.STORAGE) StorageFactory storageFactory,
            @Reference(name = "metrics") MetricsRegistry metrics, BundleContext context) {
        this.storageFactory = storageFactory;
        this.metrics = metrics;
        this.context = context;
        CounterSet swaps = metrics.counterSet(TransportSlot.SWAPS);
        this.transports = new TransportSlot(swaps);
        this.peer = new QuorumPeerHolder(this::exitIfAsked, swaps);
        this.exitOnFailure = Boolean.parseBoolean(context.getProperty(EXIT_PROPERTY));
    }

    /**
     * What the storage needs from zoo.cfg. {@code fsync.warningthresholdms} and {@code snapshot.compression.method}
     * have no typed accessor: the config bundle validated them (a {@code -Dzookeeper.<key>} property supplies them
     * when zoo.cfg does not).
     */
    public static StorageSettings storageSettings(ServerConfig config) {
        String threshold = ServerSettings.setting(config, "fsync.warningthresholdms");
        String compression = ServerSettings.setting(config, "snapshot.compression.method");
        return new StorageSettings(config.dataDir(), config.dataLogDir(), config.preAllocSizeBytes(),
                config.forceSync(), config.autopurgeSnapRetainCount(), config.autopurgeIntervalHours(),
                threshold == null ? StorageSettings.DEFAULT_FSYNC_WARNING_THRESHOLD_MS
                        : Long.parseLong(threshold.trim()),
                compression == null ? StorageSettings.UNCOMPRESSED : compression.trim().toLowerCase(Locale.ROOT));
    }

    /** Runs after the references are bound, so the configuration is there. */
    @Activate
    synchronized void start() {
        ServerConfig current = config;
        try {
            storage = storageFactory.open(storageSettings(current));
            if (current.standalone()) {
                standalone = new StandaloneServer(current, storage, transports, authPlugins, fourLetterWords,
                        metrics);
                standalone.onFailStop(this::failStopped);
                standalone.start();
                builtInProviders.publish(context, standalone.server().providers().builtIns());
                status.publish(context, standalone.status());
            } else {
                replicated = new ReplicatedServer(current, storage, transports, authPlugins, fourLetterWords,
                        metrics);
                replicated.onFailStop(this::failStopped);
                replicated.start();
                builtInProviders.publish(context, replicated.server().providers().builtIns());
                status.publish(context, replicated.status());
                LOG.info("Server {} of an ensemble of {}: clients are turned away until it joins a quorum",
                        current.myId().orElse(0L), current.members().size());
                peer.serverReady(replicated);
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("The server could not start: {}", e.getMessage());
            stopQuietly();
            exitIfAsked();
        }
    }

    /**
     * Runs on the fail-stop thread after a part of the server reported what must never happen (it logged why):
     * the peer leaves the ensemble, the server and its storage close, and under zkServer.sh the process exits 1.
     */
    private void failStopped() {
        synchronized (this) {
            stopQuietly();
        }
        exitIfAsked();
    }

    /** A server or quorum peer whose settings cannot work stops the process when zkServer.sh asked for it. */
    private void exitIfAsked() {
        if (exitOnFailure) {
            // Not on the SCR thread: exiting runs shutdown hooks that stop the framework, which waits for it.
            new Thread(() -> System.exit(EXIT_UNEXPECTED_ERROR), "menagerie-server-exit").start();
        }
    }

    @Reference(name = "config", policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            bind = "bindConfig", unbind = "unbindConfig")
    synchronized void bindConfig(ServerConfig newConfig) {
        ServerConfig previous = config;
        config = newConfig;
        if (previous == newConfig) {
            return;
        }
        try {
            if (standalone != null) {
                standalone.apply(newConfig);
            } else if (replicated != null) {
                replicated.apply(newConfig);
            }
        } catch (IllegalArgumentException e) {
            // A value the server refuses (say audit.impl.class): the running server keeps its settings.
            LOG.error("The zoo.cfg change is not applied: {}", e.getMessage());
        }
    }

    void unbindConfig(ServerConfig gone) {
        // The greedy replacement is already bound; with none left, SCR deactivates this component.
    }

    @Reference(name = StrategyTargets.CNXN_FACTORY, cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindCnxnFactory(ServerCnxnFactory factory, Map<String, Object> properties) {
        transports.offer(factory, String.valueOf(properties.get(ServerCnxnFactory.TYPE)));
    }

    void unbindCnxnFactory(ServerCnxnFactory factory) {
        transports.withdraw(factory);
    }

    /**
     * The authentication providers of plugin bundles; zoo.cfg's {@code authProvider.N} selects among them. The
     * server's own built-ins, which it publishes too, are not plugins.
     */
    @Reference(name = "authProvider", service = AuthenticationProvider.class,
            cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindAuthProvider(AuthenticationProvider provider, Map<String, Object> properties) {
        Object bundleId = properties.get(Constants.SERVICE_BUNDLEID);
        if (!Long.valueOf(context.getBundle().getBundleId()).equals(bundleId)) {
            authPlugins.offer(provider, properties);
        }
    }

    void unbindAuthProvider(AuthenticationProvider provider) {
        authPlugins.withdraw(provider);
    }

    /** Answers the client port's four-letter words (the admin bundle's); without one they are refused. */
    @Reference(name = "fourLetterWordHandler", cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindFourLetterWordHandler(FourLetterWordHandler handler) {
        fourLetterWords.bind(handler);
    }

    void unbindFourLetterWordHandler(FourLetterWordHandler handler) {
        fourLetterWords.unbind(handler);
    }

    /** Zab's quorum peer; a standalone server ignores it. */
    @Reference(name = "peerFactory", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, target = "(" + QuorumPeerFactory.TYPE + "=zab)")
    void bindPeerFactory(QuorumPeerFactory factory) {
        peer.factoryBound(factory);
    }

    void unbindPeerFactory(QuorumPeerFactory factory) {
        peer.factoryUnbound(factory);
    }

    /**
     * The strategy targets changed (zoo.cfg named another transport or storage). Declarative Services rebinds the
     * references itself; without this method it would restart the whole server instead.
     */
    @Modified
    void targetsChanged() {
        // nothing to do: bindCnxnFactory does the hand-over
    }

    @Deactivate
    synchronized void deactivate() {
        stopQuietly();
    }

    private void stopQuietly() {
        status.withdraw();
        builtInProviders.withdrawAll();
        peer.serverGone();
        if (standalone != null) {
            standalone.stop();
            standalone = null;
        }
        if (replicated != null) {
            replicated.stop();
            replicated = null;
        }
        if (storage != null) {
            try {
                storage.close();
            } catch (IOException e) {
                LOG.warn("Closing the storage failed: {}", e.getMessage());
            }
            storage = null;
        }
    }
}
