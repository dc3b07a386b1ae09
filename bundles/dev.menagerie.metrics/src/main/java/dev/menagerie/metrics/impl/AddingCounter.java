package dev.menagerie.metrics.impl;

import dev.menagerie.api.metrics.Counter;
import dev.menagerie.api.metrics.MetricVisitor;
import java.util.concurrent.atomic.LongAdder;

/** A {@link Counter} on a {@link LongAdder}: threads adding at once do not contend. */
final class AddingCounter implements Counter, Metric {

    private final LongAdder total = new LongAdder();
    private final Recording recording;

    AddingCounter() {
        this(Recording.ALWAYS);
    }

    AddingCounter(Recording recording) {
        this.recording = recording;
    }

    @Override
    public void add(long delta) {
        if (delta < 0) {
            throw new IllegalArgumentException("a counter only goes up, asked to add " + delta);
        }
        if (recording.on()) {
            total.add(delta);
        }
    }

    @Override
    public long value() {
        return total.sum();
    }

    @Override
    public void read(String name, MetricVisitor visitor) {
        visitor.counter(name, null, value());
    }

    @Override
    public void reset() {
        total.reset();
    }

    @Override
    public String kind() {
        return "a counter";
    }
}
