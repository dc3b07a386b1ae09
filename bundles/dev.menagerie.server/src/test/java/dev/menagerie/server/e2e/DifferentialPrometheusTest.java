package dev.menagerie.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.api.metrics.MetricsProvider;
import dev.menagerie.quorum.impl.zab.ZabMetrics;
import dev.menagerie.testing.Components;
import dev.menagerie.testing.FreePorts;
import dev.menagerie.testing.PrometheusText;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.exporter.common.TextFormat;
import io.prometheus.client.hotspot.DefaultExports;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.metrics.impl.DefaultMetricsProvider;
import org.apache.zookeeper.server.ServerMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /metrics} of Menagerie's Prometheus provider against what Apache ZooKeeper 3.9.5's
 * {@code PrometheusMetricsProvider} serves after the same workload: every family we serve is one Apache serves, with
 * Apache's type; the families Apache serves that we do not are exactly those of {@value #NOT_YET}; and every metric
 * the Grafana dashboard for Apache's provider queries ({@value #DASHBOARD}) is served, not yet listed, or one that
 * only a quorum peer serves ({@value #ENSEMBLE_ONLY}).
 *
 * <p>Apache's provider jar is not served by the registry this project builds from, so Apache's families are what its
 * server registers with a recording provider, typed as that provider types them, plus the JVM families of the
 * hotspot exports of the client it uses (simpleclient 0.9.0), as {@code exportJvmInfo=true} serves them.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DifferentialPrometheusTest {

    static final String NOT_YET = "prometheus-names-not-yet-implemented.txt";
    static final String DASHBOARD = "grafana-10465-metrics.txt";
    static final String ENSEMBLE_ONLY = "prometheus-names-of-an-ensemble.txt";
    /**
     * Families Apache has no counterpart for (docs/operations.md, "Metric groups"): the server's counter set of
     * strategy swaps, listed without members until the first swap.
     */
    static final Set<String> MENAGERIES_OWN = Set.of("strategy_swaps");

    static {
        DifferentialSettings.apply();
    }

    @TempDir
    Path dir;

    @Test
    void menagerieServesApachesFamiliesButTheListedOnesAndEveryDashboardMetric() throws Exception {
        Map<String, String> apache = apacheFamilies();
        String text;
        try (InJvmMenagerie server = new InJvmMenagerie(dir.resolve("menagerie"), "nio");
                var provider = Components.create(MetricsProvider.class)) {
            // The quorum bundle registers its metrics when its peer factory starts, on a standalone server too.
            new ZabMetrics(server.metrics());
            int port = FreePorts.next();
            provider.service().start(Map.of("httpHost", "127.0.0.1", "httpPort", String.valueOf(port)),
                    server.metrics());
            DifferentialMonitorTest.workload(server.connectString());
            text = PrometheusText.scrape(port);
            provider.service().stop();
        }
        Map<String, String> ours = PrometheusText.types(text);

        Set<String> extra = new TreeSet<>(ours.keySet());
        extra.removeAll(apache.keySet());
        extra.removeAll(MENAGERIES_OWN);
        assertEquals(Set.of(), extra, "families Menagerie serves and Apache does not");
        Map<String, String> wrongType = new TreeMap<>();
        ours.forEach((name, type) -> {
            if (!MENAGERIES_OWN.contains(name) && !type.equals(apache.get(name))) {
                wrongType.put(name, type + " (Apache: " + apache.get(name) + ")");
            }
        });
        assertEquals(Map.of(), wrongType, "families whose type differs from Apache's");
        Set<String> missing = new TreeSet<>(apache.keySet());
        missing.removeAll(ours.keySet());
        Set<String> notYet = names(NOT_YET);
        assertEquals(notYet, missing, "the families Apache serves and Menagerie does not must be exactly those of "
                + NOT_YET + " (take a name off the list once it is served)");

        Set<String> served = PrometheusText.sampleNames(text);
        served.addAll(names(ENSEMBLE_ONLY));
        Set<String> dashboardMissing = new TreeSet<>();
        for (String name : names(DASHBOARD)) {
            if (!served.contains(name) && !notYet.contains(family(name, apache))) {
                dashboardMissing.add(name);
            }
        }
        assertEquals(Set.of(), dashboardMissing, "metrics the Grafana dashboard queries that are neither served nor"
                + " in " + NOT_YET + " or " + ENSEMBLE_ONLY);
    }

    /** What Apache's provider would serve after the workload: the registered metrics and the JVM's. */
    private Map<String, String> apacheFamilies() throws Exception {
        RecordingMetricsProvider recording = new RecordingMetricsProvider();
        ServerMetrics.metricsProviderInitialized(recording);
        Map<String, String> families;
        try (InJvmApache server = new InJvmApache(dir)) {
            DifferentialMonitorTest.workload(server.connectString());
            families = recording.types();
        } finally {
            // The tests after this one in the fork measure with Apache's default provider again.
            ServerMetrics.metricsProviderInitialized(new DefaultMetricsProvider());
        }
        CollectorRegistry jvm = new CollectorRegistry(true);
        DefaultExports.register(jvm);
        StringWriter jvmText = new StringWriter();
        TextFormat.write004(jvmText, jvm.metricFamilySamples());
        families.putAll(PrometheusText.types(jvmText.toString()));
        return families;
    }

    /** The family a queried name belongs to: itself, or a summary's without {@code _sum} or {@code _count}. */
    private static String family(String queried, Map<String, String> apache) {
        for (String suffix : new String[] {"_sum", "_count"}) {
            String base = queried.endsWith(suffix) ? queried.substring(0, queried.length() - suffix.length()) : null;
            if (base != null && "summary".equals(apache.get(base))) {
                return base;
            }
        }
        return queried;
    }

    private static Set<String> names(String resource) throws IOException {
        Set<String> names = new TreeSet<>();
        try (InputStream in = DifferentialPrometheusTest.class.getResourceAsStream(resource)) {
            assertTrue(in != null, resource + " is missing from the test resources");
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String name = line.replaceFirst("#.*", "").strip();
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
        }
        return names;
    }
}
