package dev.menagerie.admin.impl.fourletter;

import dev.menagerie.api.metrics.MetricVisitor;
import dev.menagerie.api.metrics.MetricsRegistry;
import dev.menagerie.api.metrics.MetricsRegistry.Detail;
import dev.menagerie.api.metrics.SummarySnapshot;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.function.BiConsumer;

/**
 * The registry's metrics under the keys and with the values Apache ZooKeeper's default metrics provider dumps for
 * {@code mntr} and the admin {@code monitor} command: a counter or gauge as its name, a member of a set as
 * {@code <key>_<name>}, a summary as {@code avg_}, {@code min_}, {@code max_}, {@code cnt_} and {@code sum_} of its
 * name, and an advanced summary also as {@code p50_}, {@code p95_}, {@code p99_} and {@code p999_}.
 */
final class MetricDump implements MetricVisitor {

    private final BiConsumer<String, Object> sink;

    private MetricDump(BiConsumer<String, Object> sink) {
        this.sink = sink;
    }

    /** Hands every metric of {@code registry} to {@code sink}, key (without {@code zk_}) and value. */
    static void dump(MetricsRegistry registry, BiConsumer<String, Object> sink) {
        registry.read(new MetricDump(sink));
    }

    @Override
    public void counter(String name, String key, long value) {
        sink.accept(keyed(name, key), value);
    }

    @Override
    public void gauge(String name, String key, Number value) {
        sink.accept(keyed(name, key), value);
    }

    @Override
    public void summary(String name, String key, SummarySnapshot snapshot) {
        String metric = keyed(name, key);
        sink.accept("avg_" + metric, average(snapshot));
        sink.accept("min_" + metric, snapshot.min());
        sink.accept("max_" + metric, snapshot.max());
        sink.accept("cnt_" + metric, snapshot.count());
        sink.accept("sum_" + metric, snapshot.sum());
        if (snapshot.detail() == Detail.ADVANCED) {
            sink.accept("p50_" + metric, quantile(snapshot, 0.5));
            sink.accept("p95_" + metric, quantile(snapshot, 0.95));
            sink.accept("p99_" + metric, quantile(snapshot, 0.99));
            sink.accept("p999_" + metric, quantile(snapshot, 0.999));
        }
    }

    private static String keyed(String name, String key) {
        return key == null ? name : key + "_" + name;
    }

    /** Rounded half-up to 4 decimals, as Apache rounds it. */
    private static double average(SummarySnapshot snapshot) {
        if (snapshot.count() == 0) {
            return 0;
        }
        return new BigDecimal(snapshot.average()).setScale(4, RoundingMode.HALF_UP).doubleValue();
    }

    /** Apache rounds its percentiles to whole numbers; 0 before the first value. */
    private static long quantile(SummarySnapshot snapshot, double quantile) {
        Double estimate = snapshot.quantiles().get(quantile);
        return estimate == null ? 0 : Math.round(estimate);
    }
}
