package dev.menagerie.admin.impl.http;

import dev.menagerie.admin.impl.command.CommandRegistry;
import dev.menagerie.admin.impl.command.StandardCommands;
import dev.menagerie.admin.impl.metrics.AdminMetrics;
import dev.menagerie.admin.impl.runtime.BundleInventory;
import dev.menagerie.admin.impl.runtime.ComponentInventory;
import dev.menagerie.admin.impl.runtime.FrameworkBundleInventory;
import dev.menagerie.admin.impl.runtime.GreedySlot;
import dev.menagerie.admin.impl.runtime.ScrComponentInventory;
import dev.menagerie.admin.impl.strategy.FrameworkStrategyInventory;
import dev.menagerie.admin.impl.strategy.StrategyInventory;
import dev.menagerie.api.admin.AdminPage;
import dev.menagerie.api.config.ServerConfig;
import dev.menagerie.api.metrics.Counter;
import dev.menagerie.api.metrics.MetricsRegistry;
import dev.menagerie.api.status.ServerStatus;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin HTTP server, Menagerie's counterpart of Apache ZooKeeper's AdminServer, on the JDK's built-in HTTP
 * server.
 *
 * <p>It listens once the first {@link ServerConfig} arrives and rebinds when a newer one changes the
 * {@code admin.*} keys. When the configuration service goes away without a replacement the server keeps listening
 * on its last address, so an operator can still see, through {@code runtime_status}, that the runtime is
 * unconfigured. A port in use is logged once and the component carries on without an admin server, as a missing
 * admin endpoint must not stop coordination.
 */
@Component(immediate = true, service = {})
public final class AdminHttpServer {

    private static final Logger LOG = LoggerFactory.getLogger(AdminHttpServer.class);

    private final CommandRegistry registry;
    private final Counter insecureConnections;
    private final Object lock = new Object();
    private volatile ServerConfig config;
    /** zoo.cfg's text when the first configuration arrived ({@code initial_configuration}); guarded by lock. */
    private volatile String initialConfiguration = "";
    private boolean initialConfigurationRead;
    private final GreedySlot<ServerStatus> status = new GreedySlot<>();
    /** The settings last asked for, whether or not binding succeeded; guarded by {@link #lock}. */
    private AdminSettings requested;
    /** Null while not listening; guarded by {@link #lock}. */
    private AdminHttpEndpoint endpoint;
    /** Guarded by {@link #lock}. */
    private boolean closed;
    /** The {@link AdminPage} services by mount path; guarded by {@link #lock}. */
    private final Map<String, PageHandler> pages = new LinkedHashMap<>();

    @Activate
    public AdminHttpServer(BundleContext context,
            @Reference(name = "componentRuntime") ServiceComponentRuntime componentRuntime,
            @Reference(name = "metrics") MetricsRegistry metrics) {
        this(new FrameworkBundleInventory(context), new ScrComponentInventory(componentRuntime),
                new FrameworkStrategyInventory(context, componentRuntime), metrics);
    }

    AdminHttpServer(BundleInventory bundles, ComponentInventory components, StrategyInventory strategies,
            MetricsRegistry metrics) {
        this.insecureConnections = new AdminMetrics(metrics).insecureConnections;
        this.registry = StandardCommands.registry(status, () -> config, () -> initialConfiguration, bundles,
                components, strategies, metrics);
    }

    /** The running server's status, which the commands report; absent while no server runs. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindServerStatus(ServerStatus newStatus) {
        status.bind(newStatus);
    }

    void unbindServerStatus(ServerStatus oldStatus) {
        status.unbind(oldStatus);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindServerConfig(ServerConfig newConfig) {
        synchronized (lock) {
            config = newConfig;
            if (!initialConfigurationRead) {
                initialConfigurationRead = true;
                initialConfiguration = InitialConfiguration.read(newConfig);
            }
            apply(AdminSettings.from(newConfig.properties()));
        }
    }

    void unbindServerConfig(ServerConfig oldConfig) {
        synchronized (lock) {
            // Greedy rebinding binds the newer service before unbinding the older one.
            if (config == oldConfig) {
                config = null;
            }
        }
    }

    /** A page another bundle serves on the admin port under its {@link AdminPage#PATH}; mounted while registered. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindPage(AdminPage page, Map<String, Object> properties) {
        Object path = properties.get(AdminPage.PATH);
        if (!(path instanceof String mountPath) || !PagePaths.valid(mountPath)) {
            LOG.warn("Admin page not mounted: {}={} is not a path like /console", AdminPage.PATH, path);
            return;
        }
        synchronized (lock) {
            if (pages.containsKey(mountPath)) {
                LOG.warn("Admin page not mounted: another page is already mounted at {}", mountPath);
                return;
            }
            PageHandler handler = new PageHandler(mountPath, page, status);
            pages.put(mountPath, handler);
            if (endpoint != null) {
                mount(mountPath, handler);
            }
        }
    }

    void unbindPage(AdminPage page, Map<String, Object> properties) {
        synchronized (lock) {
            Object path = properties.get(AdminPage.PATH);
            PageHandler handler = pages.get(path);
            if (handler == null || handler.page() != page) {
                return;
            }
            pages.remove(path);
            if (endpoint != null) {
                endpoint.unmount((String) path);
                LOG.info("Admin page {} removed", path);
            }
        }
    }

    @Deactivate
    void deactivate() {
        synchronized (lock) {
            closed = true;
            stopListening();
        }
    }

    /** Where the server listens, empty when it does not (disabled, port in use, or no configuration yet). */
    Optional<InetSocketAddress> listeningAddress() {
        synchronized (lock) {
            return endpoint == null ? Optional.empty() : Optional.of(endpoint.address());
        }
    }

    private void apply(AdminSettings next) {
        if (closed || next.equals(requested)) {
            return;
        }
        boolean rebinding = endpoint != null;
        requested = next;
        stopListening();
        if (!next.enabled()) {
            LOG.info("Admin server disabled ({}=false)", AdminSettings.ENABLE_SERVER);
            return;
        }
        try {
            endpoint = AdminHttpEndpoint.start(next, registry, insecureConnections);
            pages.forEach(this::mount);
            InetSocketAddress bound = endpoint.address();
            LOG.info("{} admin server ({}) on {}:{} with command URL {}", rebinding ? "Rebound" : "Started",
                    next.tls() == null ? "HTTP" : next.tls().unified() ? "HTTPS and HTTP" : "HTTPS",
                    bound.getAddress().getHostAddress(), bound.getPort(),
                    next.commandUrl().isEmpty() ? "/" : next.commandUrl());
        } catch (IOException e) {
            LOG.error("Admin server not started on {}:{}: {}", next.address(), next.port(), e.getMessage());
        }
    }

    /** Mounts a page on the running endpoint, unless it would hide the commands; guarded by {@link #lock}. */
    private void mount(String path, PageHandler handler) {
        if (PagePaths.clashes(path, requested.commandUrl())) {
            LOG.warn("Admin page {} not mounted: it clashes with the command URL {}", path, requested.commandUrl());
            return;
        }
        endpoint.mount(path, handler);
        LOG.info("Admin page {} mounted", path);
    }

    private void stopListening() {
        if (endpoint != null) {
            endpoint.close();
            endpoint = null;
        }
    }
}
