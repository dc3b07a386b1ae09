package dev.menagerie.api.status;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The sessions this server tracks, as {@code dump} reports them.
 *
 * @param sessionCount sessions alive
 * @param expiringAtMs expiry time (epoch milliseconds) to the session ids that expire then, times ascending
 * @param ephemeralsBySession session id to the paths of its ephemeral znodes, ids ascending
 */
public record SessionsStatus(int sessionCount, Map<Long, List<Long>> expiringAtMs,
        Map<Long, List<String>> ephemeralsBySession) {

    public SessionsStatus {
        expiringAtMs = sortedCopy(expiringAtMs);
        ephemeralsBySession = sortedCopy(ephemeralsBySession);
    }

    private static <T> Map<Long, List<T>> sortedCopy(Map<Long, List<T>> map) {
        Map<Long, List<T>> copy = new TreeMap<>();
        map.forEach((key, values) -> copy.put(key, List.copyOf(values)));
        return Collections.unmodifiableMap(copy);
    }
}
