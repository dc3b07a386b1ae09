package dev.menagerie.server.impl.stats;

import dev.menagerie.api.metrics.SummarySet;

/**
 * Bytes read or written per top-level namespace ({@code /apps/x} is in {@code apps}), as Apache's
 * {@code read_per_namespace} and {@code write_per_namespace} count them: a read is the path, the data and a stat's
 * fixed size; a write the path and the data. The root and paths outside any namespace are not counted.
 */
public final class NamespaceBytes {

    /** Apache's {@code DataTree.STAT_OVERHEAD_BYTES}: six longs and five ints. */
    static final int STAT_BYTES = 6 * Long.BYTES + 5 * Integer.BYTES;

    private final SummarySet reads;
    private final SummarySet writes;

    NamespaceBytes(SummarySet reads, SummarySet writes) {
        this.reads = reads;
        this.writes = writes;
    }

    public void read(String path, long bytes) {
        String namespace = namespaceOf(path);
        if (namespace != null) {
            reads.record(namespace, path.length() + bytes + STAT_BYTES);
        }
    }

    public void written(String path, long bytes) {
        String namespace = namespaceOf(path);
        if (namespace != null) {
            writes.record(namespace, path.length() + bytes);
        }
    }

    /** The first path element, as Apache's {@code PathUtils.getTopNamespace}; null for the root or a bad path. */
    public static String namespaceOf(String path) {
        if (path == null || !path.startsWith("/") || path.length() == 1) {
            return null;
        }
        int end = path.indexOf('/', 1);
        String namespace = end == -1 ? path.substring(1) : path.substring(1, end);
        return namespace.isEmpty() ? null : namespace;
    }
}
