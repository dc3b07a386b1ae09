package dev.menagerie.server.impl.stats;

/** Minimum, average and maximum of request latencies in milliseconds, as the stat commands print them. */
public final class LatencyStats {

    private long count;
    private long totalMs;
    private long minMs = Long.MAX_VALUE;
    private long maxMs;

    public synchronized void add(long latencyMs) {
        count++;
        totalMs += latencyMs;
        minMs = Math.min(minMs, latencyMs);
        maxMs = Math.max(maxMs, latencyMs);
    }

    public synchronized long minMs() {
        return count == 0 ? 0 : minMs;
    }

    /** Rounded half-up to 4 decimals, as Apache rounds it. */
    public synchronized double avgMs() {
        if (count == 0) {
            return 0;
        }
        return new java.math.BigDecimal((double) totalMs / count).setScale(4, java.math.RoundingMode.HALF_UP)
                .doubleValue();
    }

    public synchronized long maxMs() {
        return maxMs;
    }

    public synchronized long count() {
        return count;
    }

    public synchronized void reset() {
        count = 0;
        totalMs = 0;
        minMs = Long.MAX_VALUE;
        maxMs = 0;
    }

    /** {@code min/avg/max}, as Apache prints it ({@code 0/0.0/0} before any request). */
    @Override
    public synchronized String toString() {
        return minMs() + "/" + avgMs() + "/" + maxMs();
    }
}
