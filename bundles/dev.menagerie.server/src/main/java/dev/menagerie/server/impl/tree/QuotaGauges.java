package dev.menagerie.server.impl.tree;

import dev.menagerie.server.impl.stats.NamespaceBytes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Apache ZooKeeper 3.9's per-namespace quota gauges ({@code QuotaMetricsUtils}): the quota subtree's limits and
 * usage, summed per top namespace of the quota path. A limit is the hard limit when one is set, else the soft one;
 * a namespace with several quota paths below it gets their sum. Read from the tree each time the gauges are read.
 */
public final class QuotaGauges {

    /** The four gauge sets, with Apache's names. */
    public enum Figure {
        COUNT_LIMIT("quota_count_limit_per_namespace"),
        BYTES_LIMIT("quota_bytes_limit_per_namespace"),
        COUNT_USAGE("quota_count_usage_per_namespace"),
        BYTES_USAGE("quota_bytes_usage_per_namespace");

        private final String metricName;

        Figure(String metricName) {
            this.metricName = metricName;
        }

        public String metricName() {
            return metricName;
        }

        boolean limit() {
            return this == COUNT_LIMIT || this == BYTES_LIMIT;
        }

        long of(QuotaStats stats) {
            return switch (this) {
                case COUNT_LIMIT -> hardOrSoft(stats.get(QuotaStats.COUNT_HARD_LIMIT), stats.get(QuotaStats.COUNT));
                case BYTES_LIMIT -> hardOrSoft(stats.get(QuotaStats.BYTE_HARD_LIMIT), stats.get(QuotaStats.BYTES));
                case COUNT_USAGE -> stats.get(QuotaStats.COUNT);
                case BYTES_USAGE -> stats.get(QuotaStats.BYTES);
            };
        }

        private static long hardOrSoft(long hard, long soft) {
            return hard > -1 ? hard : soft;
        }
    }

    private QuotaGauges() {
    }

    /** The figure per namespace now; empty when no quota is set. */
    public static Map<String, Long> read(DataTree tree, Figure figure) {
        Map<String, Long> perNamespace = new HashMap<>();
        collect(tree, QuotaAccounting.QUOTA_PATH, figure, perNamespace);
        return perNamespace;
    }

    /** A supplier for the metrics registry's gauge set of {@code figure}, over whatever tree is current. */
    public static Supplier<Map<String, Long>> gaugeSet(Supplier<DataTree> tree, Figure figure) {
        return () -> {
            DataTree current = tree.get();
            return current == null ? Map.of() : read(current, figure);
        };
    }

    private static void collect(DataTree tree, String path, Figure figure, Map<String, Long> perNamespace) {
        List<String> children = tree.children(path);
        if (children == null) {
            return;
        }
        if (children.isEmpty()) {
            String leaf = figure.limit() ? QuotaAccounting.LIMIT_NODE : QuotaAccounting.STAT_NODE;
            if (path.endsWith("/" + leaf)) {
                add(tree, path, leaf, figure, perNamespace);
            }
            return;
        }
        for (String child : children) {
            collect(tree, path + "/" + child, figure, perNamespace);
        }
    }

    private static void add(DataTree tree, String path, String leaf, Figure figure, Map<String, Long> perNamespace) {
        String quotaPath = path.substring(QuotaAccounting.QUOTA_PATH.length(), path.length() - leaf.length() - 1);
        String namespace = NamespaceBytes.namespaceOf(quotaPath);
        byte[] data = tree.data(path);
        if (namespace == null || data == null) {
            return;
        }
        perNamespace.merge(namespace, figure.of(QuotaStats.parse(data)), Long::sum);
    }
}
