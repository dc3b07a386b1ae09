package dev.menagerie.metrics.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.api.metrics.MetricsProvider;
import dev.menagerie.api.metrics.MetricsRegistry;
import dev.menagerie.testing.LogLines;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The provider zoo.cfg names is the one running, with its settings, whatever order things arrive in. */
class ProviderSelectionTest {

    private static final String APACHE = "org.apache.zookeeper.metrics.prometheus.PrometheusMetricsProvider";

    private final InMemoryRegistry registry = new InMemoryRegistry();
    private final ProviderSelection selection = new ProviderSelection(registry, 0);
    private final FakeProvider prometheus = new FakeProvider();

    @Test
    void theNamedProviderStartsWithTheOtherKeysOnceBothAreThere() {
        selection.configure(Map.of("metricsProvider.className", APACHE, "metricsProvider.httpPort", "7001",
                "clientPort", "2181"));
        selection.bindProvider(prometheus, Map.of(MetricsProvider.NAMES, new String[] {"prometheus", APACHE}));

        assertEquals(List.of("start {httpPort=7001}"), prometheus.calls);
        assertTrue(prometheus.registry == registry);
    }

    /** Apache's null provider switches recording off (mntr then shows no metric); its default is just the registry. */
    @Test
    void apachesNullProviderStopsRecordingAndItsDefaultNeedsNoBundle() {
        try (LogLines log = new LogLines()) {
            registry.counter("commit_count").add(1);
            selection.configure(Map.of("metricsProvider.className",
                    "org.apache.zookeeper.metrics.impl.NullMetricsProvider"));
            registry.counter("commit_count").add(1);
            assertEquals(Map.of(), RecordingVisitor.readAll(registry).values);

            selection.configure(Map.of("metricsProvider.className",
                    "org.apache.zookeeper.metrics.impl.DefaultMetricsProvider"));
            registry.counter("commit_count").add(1);
            assertEquals(2L, registry.counter("commit_count").value());
            // Reports run in order on one thread: once the one for a truly missing name is out, any for the
            // built-in names would be too.
            selection.configure(Map.of("metricsProvider.className", "nosuch"));
            log.await("metricsProvider.className=nosuch: no installed bundle", Duration.ofSeconds(5));
            assertEquals(1, log.containing("no installed bundle").size(), log.containing("no installed").toString());
        }
    }

    @Test
    void aSettingChangeRestartsAndAnotherNameSwapsAndNoNameStops() {
        FakeProvider other = new FakeProvider();
        selection.bindProvider(prometheus, Map.of(MetricsProvider.NAMES, "prometheus"));
        selection.bindProvider(other, Map.of(MetricsProvider.NAMES, "other"));
        selection.configure(Map.of("metricsProvider.className", "prometheus"));
        selection.configure(Map.of("metricsProvider.className", "prometheus"));
        selection.configure(Map.of("metricsProvider.className", "prometheus", "metricsProvider.httpPort", "7002"));
        selection.configure(Map.of("metricsProvider.className", "other"));
        selection.configure(Map.of());

        assertEquals(List.of("start {}", "stop", "start {httpPort=7002}", "stop"), prometheus.calls);
        assertEquals(List.of("start {}", "stop"), other.calls);
    }

    @Test
    void aMissingProviderIsReportedOnceAndStartsWhenInstalled() {
        try (LogLines log = new LogLines()) {
            selection.bindProvider(new FakeProvider(), Map.of(MetricsProvider.NAMES, "other"));
            selection.configure(Map.of("metricsProvider.className", "prometheus"));
            selection.configure(Map.of("metricsProvider.className", "prometheus", "metricsProvider.httpPort", "1"));

            String line = log.await("metricsProvider.className=prometheus: no installed bundle", Duration.ofSeconds(5));
            assertTrue(line.contains("installed: [other]"), line);
            selection.configure(Map.of("metricsProvider.className", "prometheus", "metricsProvider.httpPort", "2"));
            assertEquals(1, log.containing("no installed bundle").size(), "one line per name asked for");
        }
        selection.bindProvider(prometheus, Map.of(MetricsProvider.NAMES, "prometheus"));
        assertEquals(List.of("start {httpPort=2}"), prometheus.calls);
    }

    @Test
    void theRunningProviderGoingAwayIsStoppedAndAFailedStartIsReportedNamingTheKey() {
        selection.configure(Map.of("metricsProvider.className", "prometheus"));
        selection.bindProvider(prometheus, Map.of(MetricsProvider.NAMES, "prometheus"));
        selection.unbindProvider(prometheus);
        assertEquals(List.of("start {}", "stop"), prometheus.calls);

        FakeProvider failing = new FakeProvider();
        failing.failure = new IllegalArgumentException("metricsProvider.httpPort=x is not a port number");
        try (LogLines log = new LogLines()) {
            selection.bindProvider(failing, Map.of(MetricsProvider.NAMES, "prometheus"));
            String line = log.await("is not started", Duration.ofSeconds(5));
            assertTrue(line.contains("metricsProvider.className=prometheus is not started: metricsProvider.httpPort=x"),
                    line);
        }
        selection.deactivate();
        assertNull(failing.registry, "a provider that failed to start is not stopped");
    }

    /** Records what it is asked to do. */
    private static final class FakeProvider implements MetricsProvider {

        final List<String> calls = new ArrayList<>();
        MetricsRegistry registry;
        RuntimeException failure;

        @Override
        public void start(Map<String, String> settings, MetricsRegistry metrics) {
            if (failure != null) {
                throw failure;
            }
            calls.add("start " + new TreeMap<>(settings));
            registry = metrics;
        }

        @Override
        public void stop() {
            calls.add("stop");
        }
    }
}
