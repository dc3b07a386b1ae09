package dev.menagerie.storage.file.impl;

import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reports how far a long load has come, at most once per interval, so a slow start-up is visibly alive. */
final class ProgressLog {

    private static final Logger LOG = LoggerFactory.getLogger(ProgressLog.class);
    static final long INTERVAL_NS = TimeUnit.SECONDS.toNanos(5);
    private static final double MIB = 1024.0 * 1024.0;

    private final String what;
    private final long totalBytes;
    private final long startNs = System.nanoTime();
    private long doneBytes;
    private long items;
    private long nextReportNs = startNs + INTERVAL_NS;

    ProgressLog(String what, long totalBytes) {
        this.what = what;
        this.totalBytes = totalBytes;
    }

    void advance(long bytes, long newItems) {
        doneBytes += bytes;
        items += newItems;
        long now = System.nanoTime();
        if (now - nextReportNs >= 0) {
            nextReportNs = now + INTERVAL_NS;
            LOG.info("{}: {} of {} MiB read ({} entries) in {} s", what, String.format("%.1f", doneBytes / MIB),
                    String.format("%.1f", totalBytes / MIB), items, TimeUnit.NANOSECONDS.toSeconds(now - startNs));
        }
    }

    long elapsedMs() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNs);
    }

    long items() {
        return items;
    }
}
