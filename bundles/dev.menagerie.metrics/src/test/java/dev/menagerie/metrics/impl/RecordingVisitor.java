package dev.menagerie.metrics.impl;

import dev.menagerie.api.metrics.MetricVisitor;
import dev.menagerie.api.metrics.SummarySnapshot;
import java.util.LinkedHashMap;
import java.util.Map;

/** Collects what a registry reads out, keyed {@code name} or {@code name[key]} (a set
 * without members: {@code name[]}, with its kind), in the order it came. */
final class RecordingVisitor implements MetricVisitor {

    final Map<String, Object> values = new LinkedHashMap<>();

    static RecordingVisitor readAll(InMemoryRegistry registry) {
        RecordingVisitor visitor = new RecordingVisitor();
        registry.read(visitor);
        return visitor;
    }

    @Override
    public void counter(String name, String key, long value) {
        values.put(id(name, key), value);
    }

    @Override
    public void gauge(String name, String key, Number value) {
        values.put(id(name, key), value);
    }

    @Override
    public void summary(String name, String key, SummarySnapshot snapshot) {
        values.put(id(name, key), snapshot);
    }

    @Override
    public void emptySet(String name, Kind kind) {
        values.put(name + "[]", kind);
    }

    SummarySnapshot summary(String id) {
        return (SummarySnapshot) values.get(id);
    }

    private static String id(String name, String key) {
        return key == null ? name : name + "[" + key + "]";
    }
}
