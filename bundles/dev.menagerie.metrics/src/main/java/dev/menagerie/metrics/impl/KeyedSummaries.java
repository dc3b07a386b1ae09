package dev.menagerie.metrics.impl;

import dev.menagerie.api.metrics.MetricsRegistry.Detail;
import dev.menagerie.api.metrics.MetricVisitor;
import dev.menagerie.api.metrics.SummarySet;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link SummarySet}: one {@link ValueSummary} per key, made when the key is first recorded. */
final class KeyedSummaries implements SummarySet, Metric {

    private final Detail detail;
    private final Map<String, ValueSummary> summaries = new ConcurrentHashMap<>();

    private final Recording recording;

    KeyedSummaries(Detail detail, Recording recording) {
        this.detail = detail;
        this.recording = recording;
    }

    Detail detail() {
        return detail;
    }

    @Override
    public void record(String key, long value) {
        if (!recording.on()) {
            return;
        }
        ValueSummary summary = summaries.get(key);
        if (summary == null) {
            summary = summaries.computeIfAbsent(key, k -> new ValueSummary(detail, recording));
        }
        summary.record(value);
    }

    @Override
    public void read(String name, MetricVisitor visitor) {
        if (summaries.isEmpty()) {
            visitor.emptySet(name, MetricVisitor.Kind.SUMMARY);
            return;
        }
        new TreeMap<>(summaries).forEach((key, summary) -> visitor.summary(name, key, summary.snapshot()));
    }

    @Override
    public void reset() {
        summaries.values().forEach(ValueSummary::reset);
    }

    @Override
    public String kind() {
        return "a summary set";
    }
}
