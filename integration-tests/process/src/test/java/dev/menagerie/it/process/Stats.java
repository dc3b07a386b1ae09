package dev.menagerie.it.process;

import java.util.List;

/** Median and maximum of a few measurements, for the failover lines the tests and the benchmark print. */
public final class Stats {

    private Stats() {
    }

    public static long median(List<Long> values) {
        if (values.isEmpty()) {
            return -1;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    public static long max(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).max().orElse(-1);
    }

    /** "median 812 ms, max 1530 ms over 20: [..]" */
    public static String summary(List<Long> millis) {
        return "median " + median(millis) + " ms, max " + max(millis) + " ms over " + millis.size() + ": "
                + millis;
    }
}
