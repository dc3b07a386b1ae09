package dev.menagerie.metrics.impl;

import dev.menagerie.api.metrics.CounterSet;
import dev.menagerie.api.metrics.MetricVisitor;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link CounterSet}: one {@link AddingCounter} per key, made when the key is first counted. */
final class KeyedCounters implements CounterSet, Metric {

    private final Map<String, AddingCounter> counters = new ConcurrentHashMap<>();
    private final Recording recording;

    KeyedCounters(Recording recording) {
        this.recording = recording;
    }

    @Override
    public void add(String key, long delta) {
        if (!recording.on()) {
            return;
        }
        AddingCounter counter = counters.get(key);
        if (counter == null) {
            counter = counters.computeIfAbsent(key, k -> new AddingCounter(recording));
        }
        counter.add(delta);
    }

    @Override
    public void read(String name, MetricVisitor visitor) {
        if (counters.isEmpty()) {
            visitor.emptySet(name, MetricVisitor.Kind.COUNTER);
            return;
        }
        new TreeMap<>(counters).forEach((key, counter) -> visitor.counter(name, key, counter.value()));
    }

    @Override
    public void reset() {
        counters.values().forEach(AddingCounter::reset);
    }

    @Override
    public String kind() {
        return "a counter set";
    }
}
