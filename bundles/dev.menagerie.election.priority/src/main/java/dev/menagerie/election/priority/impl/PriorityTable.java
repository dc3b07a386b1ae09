package dev.menagerie.election.priority.impl;

import dev.menagerie.election.fle.spi.TieBreak;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every server's leader priority, from the {@code electionPriority.N=P} lines of zoo.cfg: among candidates with
 * the same epoch and last zxid the higher priority leads, and servers without a line have priority 0. Every
 * member reads the same zoo.cfg, so every voter ranks the same way, which the election needs to end.
 */
record PriorityTable(SortedMap<Long, Integer> priorityById) implements TieBreak {

    /** The zoo.cfg key family; the config bundle checks its lines before any election sees them. */
    static final String KEY_PREFIX = "electionPriority.";
    private static final Pattern KEY = Pattern.compile(Pattern.quote(KEY_PREFIX) + "([0-9]{1,18})");

    PriorityTable {
        priorityById = new TreeMap<>(priorityById);
        priorityById.values().forEach(p -> {
            if (p < 0) {
                throw new IllegalArgumentException("an election priority is 0 or more: " + p);
            }
        });
    }

    /** The table in {@code properties} (zoo.cfg's keys and values); lines that are no priority are skipped. */
    static PriorityTable from(Map<String, String> properties) {
        SortedMap<Long, Integer> table = new TreeMap<>();
        for (Map.Entry<String, String> entry : properties.entrySet()) {
            Matcher key = KEY.matcher(entry.getKey());
            if (key.matches()) {
                table.put(Long.parseLong(key.group(1)), parse(entry.getKey(), entry.getValue()));
            }
        }
        return new PriorityTable(table);
    }

    int priorityOf(long id) {
        return priorityById.getOrDefault(id, 0);
    }

    @Override
    public int compare(long candidate, long other) {
        return Integer.compare(priorityOf(candidate), priorityOf(other));
    }

    /** The table as zoo.cfg would say it, for the log line operators compare between servers. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        priorityById.forEach((id, priority) -> text.append(text.isEmpty() ? "" : ", ").append(KEY_PREFIX).append(id)
                .append('=').append(priority));
        return text.isEmpty() ? "no " + KEY_PREFIX + "N lines (every server 0)" : text.toString();
    }

    private static int parse(String key, String value) {
        Objects.requireNonNull(value, key);
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": expected an integer of at least 0, got \"" + value + "\"");
        }
    }
}
