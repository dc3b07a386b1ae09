package dev.menagerie.server.impl.tree;

import dev.menagerie.api.metrics.CounterSet;
import dev.menagerie.protocol.ErrorCode;
import dev.menagerie.server.impl.stats.NamespaceBytes;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The quota test the request pipeline runs before a create or setData, as Apache ZooKeeper 3.7+'s
 * {@code ZooKeeperServer.checkQuota}: it reads the limits of the deepest quota path above the node from
 * {@code zookeeper_limits} and the usage from {@code zookeeper_stats}. Going over {@code countHardLimit} or
 * {@code byteHardLimit} is {@link ErrorCode#QUOTAEXCEEDED}; going over the soft {@code count} or {@code bytes}
 * (used when no hard limit is set) only logs a warning.
 *
 * <p>Apache runs this only when {@code enforceQuota} is true, which is not the default; with it false there is
 * neither an error nor a warning. The caller makes that choice: call this only when quotas are enforced.
 * It reads the applied tree, not the pipeline's outstanding changes, as Apache does.
 */
public final class QuotaCheck {
    private static final Logger LOG = LoggerFactory.getLogger(QuotaCheck.class);
    private static final long WARN_INTERVAL_NS = TimeUnit.SECONDS.toNanos(1);

    private final DataTree tree;
    private final CounterSet exceeded;
    private final AtomicLong lastWarnNs = new AtomicLong(System.nanoTime() - WARN_INTERVAL_NS);

    /** @param exceeded counts the refusals per top namespace ({@code quota_exceeded_error_per_namespace}) */
    public QuotaCheck(DataTree tree, CounterSet exceeded) {
        this.tree = tree;
        this.exceeded = exceeded;
    }

    /** Whether creating {@code path} with {@code data} stays within its hard quota. */
    public ErrorCode checkCreate(String path, byte[] data) {
        return check(path, length(data), 1);
    }

    /** Whether replacing {@code oldData} by {@code newData} at {@code path} stays within its hard quota. */
    public ErrorCode checkSetData(String path, byte[] oldData, byte[] newData) {
        return check(path, length(newData) - length(oldData), 0);
    }

    private ErrorCode check(String path, long bytesDiff, long countDiff) {
        String prefix = tree.quotas().maxPrefixWithQuota(path);
        if (prefix == null) {
            return ErrorCode.OK;
        }
        byte[] limitText = tree.data(QuotaAccounting.limitPath(prefix));
        if (limitText == null) {
            LOG.error("Missing limit node for quota {}", QuotaAccounting.limitPath(prefix));
            return ErrorCode.OK;
        }
        QuotaStats limits = QuotaStats.parse(limitText);
        boolean checkCount = countDiff != 0
                && (limits.get(QuotaStats.COUNT) > -1 || limits.get(QuotaStats.COUNT_HARD_LIMIT) > -1);
        boolean checkBytes = bytesDiff != 0
                && (limits.get(QuotaStats.BYTES) > -1 || limits.get(QuotaStats.BYTE_HARD_LIMIT) > -1);
        if (!checkCount && !checkBytes) {
            return ErrorCode.OK;
        }
        byte[] usageText = tree.data(QuotaAccounting.statPath(prefix));
        if (usageText == null) {
            LOG.error("Missing node for stat {}", QuotaAccounting.statPath(prefix));
            return ErrorCode.OK;
        }
        QuotaStats usage = QuotaStats.parse(usageText);
        if (checkCount && exceeds(prefix, "count", usage.get(QuotaStats.COUNT) + countDiff,
                limits.get(QuotaStats.COUNT_HARD_LIMIT), limits.get(QuotaStats.COUNT))
                || checkBytes && exceeds(prefix, "bytes", usage.get(QuotaStats.BYTES) + bytesDiff,
                limits.get(QuotaStats.BYTE_HARD_LIMIT), limits.get(QuotaStats.BYTES))) {
            String namespace = NamespaceBytes.namespaceOf(path);
            if (namespace != null) {
                exceeded.add(namespace, 1);
            }
            return ErrorCode.QUOTAEXCEEDED;
        }
        return ErrorCode.OK;
    }

    /** True when a hard limit is broken; a broken soft limit only warns. A hard limit replaces the soft one. */
    private boolean exceeds(String prefix, String what, long newValue, long hardLimit, long softLimit) {
        boolean hard = hardLimit > -1;
        long limit = hard ? hardLimit : softLimit;
        if (newValue <= limit) {
            return false;
        }
        warnRateLimited(prefix, what, newValue, hard, limit);
        return hard;
    }

    private void warnRateLimited(String prefix, String what, long newValue, boolean hard, long limit) {
        long now = System.nanoTime();
        long last = lastWarnNs.get();
        if (now - last >= WARN_INTERVAL_NS && lastWarnNs.compareAndSet(last, now)) {
            LOG.warn("Quota exceeded: {} [current {}={}, {}Limit={}]", prefix, what, newValue,
                    hard ? "hard" : "soft", limit);
        }
    }

    private static long length(byte[] data) {
        return data == null ? 0 : data.length;
    }
}
