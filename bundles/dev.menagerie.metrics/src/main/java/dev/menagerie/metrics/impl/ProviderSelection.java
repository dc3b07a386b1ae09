package dev.menagerie.metrics.impl;

import dev.menagerie.api.config.ServerConfig;
import dev.menagerie.api.metrics.MetricsProvider;
import dev.menagerie.api.metrics.MetricsRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
 * Starts the {@link MetricsProvider} that zoo.cfg's {@code metricsProvider.className} names, with the other
 * {@code metricsProvider.*} keys, as Apache ZooKeeper does at start-up; and keeps following: a zoo.cfg edit or a
 * provider bundle stopped, started or replaced stops the old provider and starts the chosen one. A name that no
 * installed provider answers is reported in one line and waited for, as the other plugin choices are.
 */
@Component(immediate = true)
public final class ProviderSelection {

    static final String PREFIX = "metricsProvider.";
    static final String CLASS_NAME = PREFIX + "className";
    /**
     * Apache's two providers that export nothing: its default (the registry alone, read by {@code mntr} and the
     * admin {@code monitor}), and its null provider, which turns recording off (see {@link InMemoryRegistry}).
     * Neither needs a bundle.
     */
    static final Set<String> BUILT_IN = Set.of("org.apache.zookeeper.metrics.impl.DefaultMetricsProvider",
            InMemoryRegistry.NULL_PROVIDER);
    private static final Logger LOG = LoggerFactory.getLogger(ProviderSelection.class);

    private final MetricsRegistry registry;
    private final Map<MetricsProvider, List<String>> installed = new LinkedHashMap<>();
    private String wanted;
    private Map<String, String> settings = Map.of();
    private MetricsProvider running;
    private Map<String, String> runningSettings;
    private String reportedMissing;
    /**
     * How long a missing provider is waited for before it is reported: at start-up its bundle may simply start a
     * little later than this one.
     */
    static final long REPORT_DELAY_MS = 5000;
    private final long reportDelayMs;
    private final ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "menagerie-metrics-provider-report");
        thread.setDaemon(true);
        return thread;
    });

    @Activate
    public ProviderSelection(@Reference(name = "registry") MetricsRegistry registry) {
        this(registry, REPORT_DELAY_MS);
    }

    ProviderSelection(MetricsRegistry registry, long reportDelayMs) {
        this.registry = registry;
        this.reportDelayMs = reportDelayMs;
    }

    @Reference(name = "config", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindConfig")
    synchronized void bindConfig(ServerConfig config) {
        configure(config.properties());
    }

    synchronized void unbindConfig(ServerConfig config) {
        // A greedy replacement is bound first; the last one going leaves the provider as it was until deactivation.
    }

    @Reference(name = "provider", cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "unbindProvider")
    synchronized void bindProvider(MetricsProvider provider, Map<String, Object> properties) {
        installed.put(provider, names(properties.get(MetricsProvider.NAMES)));
        refresh();
    }

    synchronized void unbindProvider(MetricsProvider provider) {
        installed.remove(provider);
        if (provider == running) {
            stopRunning();
            reportedMissing = null;
        }
        refresh();
    }

    @Deactivate
    synchronized void deactivate() {
        reporter.shutdownNow();
        stopRunning();
    }

    /** Takes the {@code metricsProvider.*} keys of one zoo.cfg revision. */
    synchronized void configure(Map<String, String> properties) {
        Map<String, String> newSettings = new TreeMap<>();
        String newWanted = null;
        for (Map.Entry<String, String> entry : properties.entrySet()) {
            if (entry.getKey().equals(CLASS_NAME)) {
                newWanted = entry.getValue().trim();
            } else if (entry.getKey().startsWith(PREFIX)) {
                newSettings.put(entry.getKey().substring(PREFIX.length()), entry.getValue().trim());
            }
        }
        if (!Objects.equals(newWanted, wanted)) {
            reportedMissing = null;
        }
        wanted = newWanted == null || newWanted.isEmpty() ? null : newWanted;
        if (registry instanceof InMemoryRegistry own) {
            own.recordValues(!InMemoryRegistry.NULL_PROVIDER.equals(wanted));
        }
        settings = Map.copyOf(newSettings);
        refresh();
    }

    private void refresh() {
        MetricsProvider chosen = wanted == null ? null : installed.entrySet().stream()
                .filter(e -> e.getValue().contains(wanted)).map(Map.Entry::getKey).findFirst().orElse(null);
        if (chosen == running && (chosen == null || settings.equals(runningSettings))) {
            reportMissing(chosen);
            return;
        }
        stopRunning();
        reportMissing(chosen);
        if (chosen == null) {
            return;
        }
        try {
            chosen.start(settings, registry);
            running = chosen;
            runningSettings = settings;
            LOG.info("Metrics provider {} started", wanted);
        } catch (IllegalArgumentException e) {
            LOG.error("{}={} is not started: {}", CLASS_NAME, wanted, e.getMessage());
        } catch (Exception e) {
            LOG.error("{}={} could not start: {}", CLASS_NAME, wanted, String.valueOf(e.getMessage()));
        }
    }

    private void reportMissing(MetricsProvider chosen) {
        if (wanted != null && chosen == null && !BUILT_IN.contains(wanted) && !wanted.equals(reportedMissing)) {
            reportedMissing = wanted;
            String missing = wanted;
            reporter.schedule(() -> reportIfStillMissing(missing), reportDelayMs, TimeUnit.MILLISECONDS);
        }
    }

    private synchronized void reportIfStillMissing(String missing) {
        if (missing.equals(wanted) && running == null
                && installed.values().stream().noneMatch(names -> names.contains(missing))) {
            TreeSet<String> names = new TreeSet<>();
            installed.values().forEach(names::addAll);
            LOG.warn("{}={}: no installed bundle provides that metrics provider; metrics are not exported until one"
                    + " is (installed: {})", CLASS_NAME, missing, names);
        }
    }

    private void stopRunning() {
        if (running == null) {
            return;
        }
        MetricsProvider stopping = running;
        running = null;
        runningSettings = null;
        try {
            stopping.stop();
            LOG.info("Metrics provider stopped");
        } catch (RuntimeException e) {
            LOG.warn("Stopping the metrics provider failed: {}", e.toString());
        }
    }

    private static List<String> names(Object property) {
        if (property instanceof String name) {
            return List.of(name);
        }
        if (property instanceof String[] names) {
            return List.of(names);
        }
        return List.of();
    }
}
