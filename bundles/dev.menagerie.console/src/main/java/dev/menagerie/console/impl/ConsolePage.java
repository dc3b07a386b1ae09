package dev.menagerie.console.impl;

import dev.menagerie.api.admin.AdminPage;
import dev.menagerie.api.admin.AdminPageRequest;
import dev.menagerie.api.admin.AdminPageResponse;
import dev.menagerie.api.admin.StrategySwitcher;
import dev.menagerie.api.config.ServerConfig;
import dev.menagerie.api.metrics.MetricsRegistry;
import dev.menagerie.api.status.ServerStatus;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web console, mounted by the admin server at {@value #PATH} while this component is registered: installing
 * the bundle adds the page and uninstalling it removes it, without a restart. One daemon thread samples the
 * charts every second and asks the other members for their state every {@value #PROBE_EVERY_SAMPLES} seconds.
 */
@Component(service = AdminPage.class, immediate = true, property = AdminPage.PATH + "=" + ConsolePage.PATH)
public final class ConsolePage implements AdminPage {

    static final String PATH = "/console";
    static final long SAMPLE_PERIOD_MS = 1000;
    static final int PROBE_EVERY_SAMPLES = 2;

    private static final Logger LOG = LoggerFactory.getLogger(ConsolePage.class);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ServerStatus status;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ServerConfig config;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile MetricsRegistry metrics;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile StrategySwitcher switcher;

    private ConsoleRoutes routes;
    private ScheduledExecutorService sampling;

    @Activate
    void activate(BundleContext context) {
        MetricsSampler sampler = new MetricsSampler(() -> metrics, () -> status, System::currentTimeMillis);
        Ensemble ensemble = new Ensemble();
        ElectionWatch election = new ElectionWatch();
        routes = new ConsoleRoutes(Assets.load(), new ConsoleApi(() -> status, () -> config, sampler, ensemble,
                election, new Runtime(context), () -> switcher));
        sampling = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "menagerie-console-sampler");
            thread.setDaemon(true);
            return thread;
        });
        int[] ticks = {0};
        sampling.scheduleAtFixedRate(() -> {
            try {
                sampler.sample();
                MetricsRegistry registry = metrics;
                if (registry != null) {
                    election.update(registry, System.currentTimeMillis());
                }
                if (ticks[0]++ % PROBE_EVERY_SAMPLES == 0) {
                    ensemble.probePeers(config);
                }
            } catch (RuntimeException e) {
                // A failed round must not cancel the schedule; the next one tries again.
                LOG.warn("Console sampling failed", e);
            }
        }, 0, SAMPLE_PERIOD_MS, TimeUnit.MILLISECONDS);
        LOG.info("Web console registered at {} on the admin port", PATH);
    }

    @Deactivate
    void deactivate() {
        sampling.shutdownNow();
        LOG.info("Web console at {} withdrawn", PATH);
    }

    @Override
    public AdminPageResponse handle(AdminPageRequest request) {
        return routes.route(request);
    }
}
