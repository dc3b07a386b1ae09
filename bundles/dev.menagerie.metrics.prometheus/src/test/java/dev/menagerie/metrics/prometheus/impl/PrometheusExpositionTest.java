package dev.menagerie.metrics.prometheus.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.api.metrics.CounterSet;
import dev.menagerie.api.metrics.MetricsRegistry;
import dev.menagerie.api.metrics.MetricsRegistry.Detail;
import dev.menagerie.api.metrics.Summary;
import dev.menagerie.testing.Components;
import dev.menagerie.testing.PrometheusText;
import java.io.IOException;
import java.net.ConnectException;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a Prometheus server scraping {@code /metrics} reads: Apache ZooKeeper's names, types, labels and quantiles. */
class PrometheusExpositionTest {

    private static final Map<String, String> LOOPBACK_ANY_PORT = Map.of("httpHost", "127.0.0.1", "httpPort", "0",
            "exportJvmInfo", "false");

    private final MetricsRegistry registry = Components.create(MetricsRegistry.class).service();
    private final PrometheusProvider provider = new PrometheusProvider();

    @AfterEach
    void stop() {
        provider.stop();
    }

    @Test
    void countersAndGaugesKeepApachesNamesWithoutATotalSuffix() throws Exception {
        registry.counter("commit_count").add(3);
        CounterSet drops = registry.counterSet("connection_drop_per_ip");
        drops.increment("10.0.0.1");
        drops.add("10.0.0.2", 4);
        registry.gauge("znode_count", () -> 5);
        registry.gaugeSet("quota_count_limit_per_namespace", () -> Map.of("apps", 100));
        provider.start(LOOPBACK_ANY_PORT, registry);

        String text = PrometheusText.scrape(provider.port());
        Map<String, String> types = PrometheusText.types(text);
        assertEquals("counter", types.get("commit_count"), text);
        assertEquals("counter", types.get("connection_drop_per_ip"), text);
        assertEquals("gauge", types.get("znode_count"), text);
        assertEquals("gauge", types.get("quota_count_limit_per_namespace"), text);
        Map<String, Double> samples = PrometheusText.samples(text);
        assertEquals(3.0, samples.get("commit_count"), text);
        assertEquals(1.0, samples.get("connection_drop_per_ip{key=\"10.0.0.1\",}"), text);
        assertEquals(4.0, samples.get("connection_drop_per_ip{key=\"10.0.0.2\",}"), text);
        assertEquals(5.0, samples.get("znode_count"), text);
        assertEquals(100.0, samples.get("quota_count_limit_per_namespace{key=\"apps\",}"), text);
        assertTrue(text.contains("# HELP commit_count commit_count\n"), "Apache's help is the name: " + text);
    }

    @Test
    void summariesHaveApachesQuantilesCountAndSum() throws Exception {
        Summary latency = registry.summary("readlatency", Detail.ADVANCED);
        for (int value = 1; value <= 100; value++) {
            latency.record(value);
        }
        registry.summary("fsynctime", Detail.BASIC);
        registry.summarySet("write_per_namespace", Detail.BASIC).record("apps", 10);
        registry.summarySet("write_per_namespace", Detail.BASIC).record("apps", 20);
        provider.start(LOOPBACK_ANY_PORT, registry);

        String text = PrometheusText.scrape(provider.port());
        assertEquals("summary", PrometheusText.types(text).get("readlatency"), text);
        Map<String, Double> samples = PrometheusText.samples(text);
        assertEquals(50, samples.get("readlatency{quantile=\"0.5\",}"), 5, text);
        assertEquals(90, samples.get("readlatency{quantile=\"0.9\",}"), 5, text);
        assertEquals(99, samples.get("readlatency{quantile=\"0.99\",}"), 5, text);
        assertFalse(samples.containsKey("readlatency{quantile=\"0.95\",}"), "Apache exports 0.5, 0.9, 0.99: " + text);
        assertEquals(100.0, samples.get("readlatency_count"), text);
        assertEquals(5050.0, samples.get("readlatency_sum"), text);
        // A basic summary has the median only; with nothing recorded it is NaN, as Apache's client reports.
        assertTrue(samples.get("fsynctime{quantile=\"0.5\",}").isNaN(), text);
        assertEquals(0.0, samples.get("fsynctime_count"), text);
        assertEquals(15.0, samples.get("write_per_namespace{key=\"apps\",quantile=\"0.5\",}"), 5, text);
        assertEquals(2.0, samples.get("write_per_namespace_count{key=\"apps\",}"), text);
        assertEquals(30.0, samples.get("write_per_namespace_sum{key=\"apps\",}"), text);
    }

    @Test
    void aSetWithoutMembersIsListedWithItsTypeAndNoSamplesAsApachesProviderListsIt() throws Exception {
        registry.summarySet("ack_latency", Detail.ADVANCED);
        registry.counterSet("connection_drop_per_ip");
        registry.gaugeSet("quota_count_limit_per_namespace", Map::of);
        provider.start(LOOPBACK_ANY_PORT, registry);

        String text = PrometheusText.scrape(provider.port());
        Map<String, String> types = PrometheusText.types(text);
        assertEquals("summary", types.get("ack_latency"), text);
        assertEquals("counter", types.get("connection_drop_per_ip"), text);
        assertEquals("gauge", types.get("quota_count_limit_per_namespace"), text);
        assertTrue(text.contains("# HELP ack_latency ack_latency\n"), text);
        assertEquals(Set.of(), PrometheusText.sampleNames(text), "a set without members has no samples: " + text);

        registry.summarySet("ack_latency", Detail.ADVANCED).record("2", 7);
        String after = PrometheusText.scrape(provider.port());
        assertEquals(7.0, PrometheusText.samples(after).get("ack_latency_sum{key=\"2\",}"), after);
    }

    @Test
    void jvmMetricsCarryTheHotspotExportsNamesUnlessTurnedOff() throws Exception {
        provider.start(Map.of("httpHost", "127.0.0.1", "httpPort", "0"), registry);
        Map<String, String> types = PrometheusText.types(PrometheusText.scrape(provider.port()));
        for (String name : new String[] {"jvm_memory_bytes_used", "jvm_memory_pool_bytes_used", "jvm_threads_current",
            "jvm_threads_state", "jvm_threads_deadlocked", "jvm_classes_loaded", "jvm_info"}) {
            assertTrue(types.containsKey(name), name + " in " + types.keySet());
        }
        assertEquals("summary", types.get("jvm_gc_collection_seconds"));

        provider.start(LOOPBACK_ANY_PORT, registry);
        types = PrometheusText.types(PrometheusText.scrape(provider.port()));
        assertFalse(types.keySet().stream().anyMatch(name -> name.startsWith("jvm_")), types.keySet().toString());
    }

    @Test
    void onlyGetAndHeadOfMetricsAreServed() throws Exception {
        provider.start(LOOPBACK_ANY_PORT, registry);
        assertEquals(404, PrometheusText.get(provider.port(), "/").statusCode());
        assertEquals(404, PrometheusText.get(provider.port(), "/commands").statusCode());
    }

    @Test
    void stoppingClosesThePortAndATakenPortFailsNamingTheSetting() throws Exception {
        provider.start(LOOPBACK_ANY_PORT, registry);
        int port = provider.port();
        PrometheusProvider second = new PrometheusProvider();
        IOException clash = assertThrows(IOException.class, () -> second.start(Map.of("httpHost", "127.0.0.1",
                "httpPort", String.valueOf(port)), registry));
        assertTrue(clash.getMessage().contains("127.0.0.1:" + port) && clash.getMessage().contains("httpPort"),
                clash.getMessage());

        provider.stop();
        assertThrows(ConnectException.class, () -> PrometheusText.get(port, "/metrics"));
    }

    @Test
    void apachesDefaultsApplyAndItsWorkerQueueKeysAreAccepted() {
        assertEquals(new EndpointSettings("0.0.0.0", 7000, true), EndpointSettings.from(Map.of()));
        assertEquals(new EndpointSettings("127.0.0.1", 7001, false), EndpointSettings.from(Map.of("httpHost",
                "127.0.0.1", "httpPort", "7001", "exportJvmInfo", "no", "numWorkerThreads", "2", "maxQueueSize",
                "10", "workerShutdownTimeoutMs", "100")));
    }

    @Test
    void aBadSettingIsRefusedNamingTheKey() {
        IllegalArgumentException port = assertThrows(IllegalArgumentException.class,
                () -> provider.start(Map.of("httpPort", "seven"), registry));
        assertTrue(port.getMessage().contains("metricsProvider.httpPort=seven"), port.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> provider.start(Map.of("httpPortt", "7000"), registry));
        assertTrue(unknown.getMessage().contains("metricsProvider.httpPortt"), unknown.getMessage());
    }
}
