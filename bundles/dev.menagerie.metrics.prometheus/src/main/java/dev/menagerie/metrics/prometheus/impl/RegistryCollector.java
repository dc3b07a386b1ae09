package dev.menagerie.metrics.prometheus.impl;

import dev.menagerie.api.metrics.MetricVisitor;
import dev.menagerie.api.metrics.MetricsRegistry;
import dev.menagerie.api.metrics.MetricsRegistry.Detail;
import dev.menagerie.api.metrics.SummarySnapshot;
import io.prometheus.client.Collector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry's metrics as Prometheus families, read at each scrape, shaped as Apache ZooKeeper's provider shapes
 * them: a metric's name is its family's name and its help; counters and counter sets are counters, gauges and gauge
 * sets are gauges, summaries are summaries with the quantiles 0.5 (basic) or 0.5, 0.9 and 0.99 (advanced) and their
 * {@code _count} and {@code _sum}; the members of a set carry the label {@code key}, and a set with no member yet is a
 * family without samples.
 *
 * <p>Unlike Apache's summaries (a sliding ten-minute window), the quantiles cover the values since the last
 * {@code srst}, as {@code mntr}'s do; {@code _count} and {@code _sum} are the same in both.
 */
final class RegistryCollector extends Collector {

    static final String KEY = "key";
    static final String QUANTILE = "quantile";
    private static final double[] BASIC_QUANTILES = {0.5};
    private static final double[] ADVANCED_QUANTILES = {0.5, 0.9, 0.99};

    private final MetricsRegistry registry;

    RegistryCollector(MetricsRegistry registry) {
        this.registry = registry;
    }

    @Override
    public List<MetricFamilySamples> collect() {
        Families families = new Families();
        registry.read(families);
        return families.all();
    }

    /** Collects one reading of the registry into families, one per metric name. */
    private static final class Families implements MetricVisitor {

        private final Map<String, MetricFamilySamples> byName = new LinkedHashMap<>();

        List<MetricFamilySamples> all() {
            return new ArrayList<>(byName.values());
        }

        @Override
        public void counter(String name, String key, long value) {
            family(name, Type.COUNTER).samples.add(sample(name, key, null, value));
        }

        @Override
        public void gauge(String name, String key, Number value) {
            family(name, Type.GAUGE).samples.add(sample(name, key, null, value.doubleValue()));
        }

        @Override
        public void summary(String name, String key, SummarySnapshot snapshot) {
            List<MetricFamilySamples.Sample> samples = family(name, Type.SUMMARY).samples;
            double[] quantiles = snapshot.detail() == Detail.ADVANCED ? ADVANCED_QUANTILES : BASIC_QUANTILES;
            for (double quantile : quantiles) {
                // Apache's client reports NaN until a value is observed.
                Double estimate = snapshot.quantiles().get(quantile);
                samples.add(sample(name, key, quantile, estimate == null ? Double.NaN : estimate));
            }
            samples.add(sample(name + "_count", key, null, snapshot.count()));
            samples.add(sample(name + "_sum", key, null, snapshot.sum()));
        }

        /** Apache's provider lists a labelled family before its first member: its type line, without samples. */
        @Override
        public void emptySet(String name, Kind kind) {
            family(name, switch (kind) {
                case COUNTER -> Type.COUNTER;
                case GAUGE -> Type.GAUGE;
                case SUMMARY -> Type.SUMMARY;
            });
        }

        private MetricFamilySamples family(String name, Type type) {
            return byName.computeIfAbsent(name, n -> new MetricFamilySamples(n, type, n, new ArrayList<>()));
        }

        private static MetricFamilySamples.Sample sample(String name, String key, Double quantile, double value) {
            List<String> labelNames = new ArrayList<>(2);
            List<String> labelValues = new ArrayList<>(2);
            if (key != null) {
                labelNames.add(KEY);
                labelValues.add(key);
            }
            if (quantile != null) {
                labelNames.add(QUANTILE);
                labelValues.add(doubleToGoString(quantile));
            }
            return new MetricFamilySamples.Sample(name, labelNames, labelValues, value);
        }
    }
}
