package dev.menagerie.metrics.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.menagerie.api.metrics.Counter;
import dev.menagerie.api.metrics.MetricsRegistry.Detail;
import dev.menagerie.api.metrics.Summary;
import dev.menagerie.api.metrics.SummarySet;
import dev.menagerie.api.metrics.SummarySnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Threads updating the same metrics at once, while another reads them, lose no update. */
class ConcurrentUpdatesTest {

    private static final int THREADS = 4;
    private static final int UPDATES_PER_THREAD = 250_000;

    @Test
    void noUpdateIsLostWhileReadersRead() throws Exception {
        InMemoryRegistry registry = new InMemoryRegistry();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                String key = "/ns" + (t % 2);
                writers.add(pool.submit(() -> {
                    // Each thread asks for the metrics itself, as separate bundles do.
                    Counter counter = registry.counter("commit_count");
                    Summary latency = registry.summary("updatelatency", Detail.ADVANCED);
                    SummarySet perNamespace = registry.summarySet("write_per_namespace", Detail.BASIC);
                    for (int i = 1; i <= UPDATES_PER_THREAD; i++) {
                        counter.increment();
                        latency.record(i);
                        perNamespace.record(key, 1);
                    }
                }));
            }
            Future<?> reader = pool.submit(() -> {
                for (int i = 0; i < 200 && !writers.stream().allMatch(Future::isDone); i++) {
                    RecordingVisitor.readAll(registry);
                }
            });
            for (Future<?> writer : writers) {
                writer.get(60, TimeUnit.SECONDS);
            }
            reader.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        RecordingVisitor read = RecordingVisitor.readAll(registry);
        long total = (long) THREADS * UPDATES_PER_THREAD;
        assertEquals(total, read.values.get("commit_count"));
        SummarySnapshot latency = read.summary("updatelatency");
        assertEquals(total, latency.count());
        assertEquals(THREADS * ((long) UPDATES_PER_THREAD * (UPDATES_PER_THREAD + 1) / 2), latency.sum());
        assertEquals(1, latency.min());
        assertEquals(UPDATES_PER_THREAD, latency.max());
        double median = latency.quantiles().get(0.5);
        assertEquals(UPDATES_PER_THREAD / 2.0, median, UPDATES_PER_THREAD / 2.0 * LogHistogram.RELATIVE_ERROR + 1);
        assertEquals(total / 2, read.summary("write_per_namespace[/ns0]").count());
        assertEquals(total / 2, read.summary("write_per_namespace[/ns1]").count());
    }
}
