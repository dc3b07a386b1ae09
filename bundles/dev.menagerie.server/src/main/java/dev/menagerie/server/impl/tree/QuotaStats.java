package dev.menagerie.server.impl.tree;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The text of a {@code zookeeper_limits} or {@code zookeeper_stats} node, as Apache ZooKeeper 3.7+'s
 * {@code StatsTrack} reads and writes it: {@code count=N,bytes=M}, and when other keys are present an extra
 * {@code =} (so that 3.6 parsers ignore the rest) followed by {@code ;key=value} for each of them in sorted
 * order, e.g. {@code count=-1,bytes=-1=;byteHardLimit=-1;countHardLimit=10}. A missing key reads as -1.
 *
 * <p>Apache throws on a malformed pair (no {@code =}, or a value that is not a number); we skip such a pair so
 * that a client writing garbage into a quota node cannot make the applier fail.
 */
final class QuotaStats {
    static final String COUNT = "count";
    static final String BYTES = "bytes";
    static final String COUNT_HARD_LIMIT = "countHardLimit";
    static final String BYTE_HARD_LIMIT = "byteHardLimit";
    private static final Pattern PAIR_SEPARATOR = Pattern.compile("[,;]+");

    private final Map<String, Long> values = new HashMap<>();

    QuotaStats() {
    }

    static QuotaStats parse(byte[] text) {
        QuotaStats stats = new QuotaStats();
        if (text == null || text.length == 0) {
            return stats;
        }
        for (String pair : PAIR_SEPARATOR.split(new String(text, StandardCharsets.UTF_8))) {
            String[] keyValue = pair.split("=");
            if (keyValue.length < 2) {
                continue;
            }
            try {
                stats.values.put(keyValue[0], keyValue[1].isEmpty() ? -1L : Long.parseLong(keyValue[1]));
            } catch (NumberFormatException e) {
                // not a number: skipped, see the class comment
            }
        }
        return stats;
    }

    long get(String key) {
        Long value = values.get(key);
        return value == null ? -1 : value;
    }

    void set(String key, long value) {
        values.put(key, value);
    }

    byte[] toBytes() {
        return toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        text.append(COUNT).append('=').append(get(COUNT)).append(',').append(BYTES).append('=').append(get(BYTES));
        List<String> others = new ArrayList<>(values.keySet());
        others.remove(COUNT);
        others.remove(BYTES);
        if (!others.isEmpty()) {
            text.append('=');
            Collections.sort(others);
            for (String key : others) {
                text.append(';').append(key).append('=').append(values.get(key));
            }
        }
        return text.toString();
    }
}
