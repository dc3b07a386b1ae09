package dev.menagerie.console.impl;

import dev.menagerie.api.metrics.MetricsRegistry;
import dev.menagerie.api.metrics.SummarySnapshot;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The last leader election this server took part in, from the quorum's {@code election_time} summary: the
 * console notes when its count goes up. An election finished before the console started is reported with its
 * count and longest time but no moment.
 */
final class ElectionWatch {

    static final String ELECTION_TIME = "election_time";

    /** Null until the summary was read once. */
    private Long count;
    private long sumMs;
    private long maxMs;
    private Long lastMs;
    private Long finishedAtMs;

    synchronized void update(MetricsRegistry registry, long nowMs) {
        SummarySnapshot snapshot = Summaries.read(registry, Set.of(ELECTION_TIME)).get(ELECTION_TIME);
        if (snapshot == null) {
            return;
        }
        if (count == null) {
            // Only a single election's time can be told from totals read after the fact.
            lastMs = snapshot.count() == 1 ? snapshot.sum() : null;
        } else if (snapshot.count() > count) {
            lastMs = snapshot.count() == count + 1 ? snapshot.sum() - sumMs : null;
            finishedAtMs = nowMs;
        }
        count = snapshot.count();
        sumMs = snapshot.sum();
        maxMs = snapshot.max();
    }

    /** {@code elections}, {@code max_ms}, and when seen {@code last_ms} and {@code finished_at_ms}. */
    synchronized Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        long elections = count == null ? 0 : count;
        map.put("elections", elections);
        map.put("max_ms", elections == 0 ? null : maxMs);
        map.put("last_ms", lastMs);
        map.put("finished_at_ms", finishedAtMs);
        return map;
    }
}
