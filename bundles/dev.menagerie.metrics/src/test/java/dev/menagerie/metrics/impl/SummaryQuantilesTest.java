package dev.menagerie.metrics.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.api.metrics.MetricsRegistry.Detail;
import dev.menagerie.api.metrics.SummarySnapshot;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Quantile estimates stay within {@link LogHistogram#RELATIVE_ERROR} (1/32) of the recorded value of that rank,
 * for latency-like and size-like distributions, while count, sum, minimum and maximum are exact.
 */
class SummaryQuantilesTest {

    private static final List<Double> ADVANCED = List.of(0.5, 0.9, 0.95, 0.99, 0.999);
    private static final int VALUES = 200_000;

    @Test
    void heavyTailedLatenciesAreEstimatedWithinTheStatedError() {
        Random random = new Random(12);
        long[] values = new long[VALUES];
        for (int i = 0; i < VALUES; i++) {
            // Log-normal: most values small, a long tail up to seconds, as request latencies in microseconds.
            values[i] = Math.round(Math.exp(6 + 1.5 * random.nextGaussian()));
        }
        assertEstimates(values);
    }

    @Test
    void uniformSizesAreEstimatedWithinTheStatedError() {
        Random random = new Random(34);
        long[] values = new long[VALUES];
        for (int i = 0; i < VALUES; i++) {
            values[i] = random.nextInt(1_048_576);
        }
        assertEstimates(values);
    }

    @Test
    void smallValuesAreExact() {
        long[] values = new long[1000];
        for (int i = 0; i < values.length; i++) {
            values[i] = i % 10;
        }
        SummarySnapshot snapshot = record(Detail.ADVANCED, values);
        assertEquals(Map.of(0.5, 4.0, 0.9, 8.0, 0.95, 9.0, 0.99, 9.0, 0.999, 9.0), snapshot.quantiles());
    }

    @Test
    void basicDetailKeepsOnlyTheMedianAndAnEmptySummaryNone() {
        assertEquals(List.of(0.5), List.copyOf(record(Detail.BASIC, new long[] {5, 7, 9}).quantiles().keySet()));
        SummarySnapshot empty = record(Detail.ADVANCED, new long[0]);
        assertEquals(new SummarySnapshot(0, 0, 0, 0, Detail.ADVANCED, new TreeMap<>()), empty);
        assertEquals(0, empty.average());
    }

    @Test
    void extremeValuesStayInsideTheRecordedRange() {
        SummarySnapshot snapshot = record(Detail.ADVANCED, new long[] {-5, Long.MAX_VALUE / 2});
        assertEquals(-5, snapshot.min());
        assertEquals(Long.MAX_VALUE / 2, snapshot.max());
        snapshot.quantiles().values().forEach(q -> assertTrue(q >= -5 && q <= Long.MAX_VALUE / 2, "quantile " + q));
    }

    private static void assertEstimates(long[] values) {
        SummarySnapshot snapshot = record(Detail.ADVANCED, values);
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        assertEquals(values.length, snapshot.count());
        assertEquals(Arrays.stream(values).sum(), snapshot.sum());
        assertEquals(sorted[0], snapshot.min());
        assertEquals(sorted[sorted.length - 1], snapshot.max());
        assertEquals(ADVANCED, List.copyOf(snapshot.quantiles().keySet()));
        for (double q : ADVANCED) {
            long exact = sorted[(int) Math.ceil(q * sorted.length) - 1];
            double estimate = snapshot.quantiles().get(q);
            double allowed = exact * LogHistogram.RELATIVE_ERROR + 0.5;
            assertTrue(Math.abs(estimate - exact) <= allowed,
                    "quantile " + q + ": estimated " + estimate + ", recorded " + exact + ", allowed error " + allowed);
        }
    }

    private static SummarySnapshot record(Detail detail, long[] values) {
        ValueSummary summary = new ValueSummary(detail);
        for (long value : values) {
            summary.record(value);
        }
        return summary.snapshot();
    }
}
