package dev.menagerie.admin.impl.pause;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides what one look of the pause monitor reports: a sleep that took longer than asked means the JVM or the
 * host stood still (a GC, swapping, a stopped VM). Pure: the monitor thread feeds it the measured sleep and the
 * garbage collectors' counters, and logs what it returns.
 */
final class PauseDetector {

    /** One report: its level and the line, which starts with Apache's wording so existing log alerts match. */
    record Report(boolean warn, String line) {
    }

    /** Cumulative figures of one garbage collector. */
    record GcCounts(String name, long collections, long timeMs) {
    }

    private final PauseMonitorSettings settings;
    private Map<String, GcCounts> lastGc = Map.of();
    private long infoCount;
    private long warnCount;
    private long totalExtraMs;

    PauseDetector(PauseMonitorSettings settings, List<GcCounts> gcAtStart) {
        this.settings = settings;
        this.lastGc = byName(gcAtStart);
    }

    /** @return the line to log for a sleep of {@code settings.sleepMs()} that took {@code elapsedMs}, or null */
    Report look(long elapsedMs, List<GcCounts> gcNow) {
        long extraMs = elapsedMs - settings.sleepMs();
        Map<String, GcCounts> now = byName(gcNow);
        String gcDelta = gcDelta(lastGc, now);
        lastGc = now;
        if (extraMs <= settings.infoThresholdMs() && extraMs <= settings.warnThresholdMs()) {
            return null;
        }
        totalExtraMs += extraMs;
        boolean warn = extraMs > settings.warnThresholdMs();
        if (warn) {
            warnCount++;
        } else {
            infoCount++;
        }
        String line = "Detected pause in JVM or host machine (eg GC): pause of approximately " + extraMs + "ms; "
                + (gcDelta.isEmpty() ? "no GCs detected" : gcDelta);
        return new Report(warn, line);
    }

    long infoCount() {
        return infoCount;
    }

    long warnCount() {
        return warnCount;
    }

    long totalExtraMs() {
        return totalExtraMs;
    }

    private static String gcDelta(Map<String, GcCounts> before, Map<String, GcCounts> after) {
        StringBuilder text = new StringBuilder();
        for (GcCounts gc : after.values()) {
            GcCounts earlier = before.getOrDefault(gc.name(), new GcCounts(gc.name(), 0, 0));
            long collections = gc.collections() - earlier.collections();
            if (collections > 0) {
                text.append(text.length() == 0 ? "" : "; ").append("GC pool '").append(gc.name())
                        .append("' had collection(s): count=").append(collections).append(" time=")
                        .append(gc.timeMs() - earlier.timeMs()).append("ms");
            }
        }
        return text.toString();
    }

    private static Map<String, GcCounts> byName(List<GcCounts> counts) {
        Map<String, GcCounts> map = new LinkedHashMap<>();
        counts.forEach(c -> map.put(c.name(), c));
        return map;
    }
}
