package dev.menagerie.server.e2e;

import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.apache.zookeeper.metrics.Counter;
import org.apache.zookeeper.metrics.CounterSet;
import org.apache.zookeeper.metrics.Gauge;
import org.apache.zookeeper.metrics.GaugeSet;
import org.apache.zookeeper.metrics.MetricsContext;
import org.apache.zookeeper.metrics.MetricsProvider;
import org.apache.zookeeper.metrics.Summary;
import org.apache.zookeeper.metrics.SummarySet;

/**
 * An Apache ZooKeeper metrics provider that records what Apache's server registers, by name, as the Prometheus type
 * Apache's {@code PrometheusMetricsProvider} gives it: counters and counter sets are {@code counter}, gauges and
 * gauge sets {@code gauge}, summaries and summary sets {@code summary}. Withdrawn gauges are forgotten, as that
 * provider unregisters them. (Apache's provider jar is not served by the registry this project builds from.)
 */
final class RecordingMetricsProvider implements MetricsProvider {

    private final Map<String, String> types = new ConcurrentHashMap<>();
    private final MetricsContext root = new Context();

    /** The Prometheus families Apache's provider would serve now, with their types. */
    Map<String, String> types() {
        return new TreeMap<>(types);
    }

    @Override
    public void configure(Properties configuration) {
        // Nothing to configure: it only records.
    }

    @Override
    public void start() {
        // Nothing to start.
    }

    @Override
    public MetricsContext getRootContext() {
        return root;
    }

    @Override
    public void stop() {
        // Nothing to stop.
    }

    @Override
    public void dump(BiConsumer<String, Object> sink) {
        types.forEach(sink);
    }

    @Override
    public void resetAllValues() {
        // Holds no values.
    }

    private final class Context implements MetricsContext {

        @Override
        public MetricsContext getContext(String name) {
            return this;
        }

        @Override
        public Counter getCounter(String name) {
            types.put(name, "counter");
            return new Counter() {
                @Override
                public void add(long delta) {
                    // Only the name matters here.
                }

                @Override
                public long get() {
                    return 0;
                }
            };
        }

        @Override
        public CounterSet getCounterSet(String name) {
            types.put(name, "counter");
            return (key, delta) -> { };
        }

        @Override
        public void registerGauge(String name, Gauge gauge) {
            types.put(name, "gauge");
        }

        @Override
        public void unregisterGauge(String name) {
            types.remove(name);
        }

        @Override
        public void registerGaugeSet(String name, GaugeSet gaugeSet) {
            types.put(name, "gauge");
        }

        @Override
        public void unregisterGaugeSet(String name) {
            types.remove(name);
        }

        @Override
        public Summary getSummary(String name, DetailLevel detailLevel) {
            types.put(name, "summary");
            return value -> { };
        }

        @Override
        public SummarySet getSummarySet(String name, DetailLevel detailLevel) {
            types.put(name, "summary");
            return (key, value) -> { };
        }
    }
}
