package dev.menagerie.api.status;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data watches, as {@code wchs}, {@code wchc} and {@code wchp} report them.
 *
 * @param connectionCount connections with at least one watch
 * @param pathCount paths with at least one watch
 * @param totalWatches (connection, path) pairs; several modes on one pair count once
 * @param byConnection each watching connection with the paths it watches, in the order to print
 * @param sessionsByPath each watched path with the session ids watching it, in the order to print
 */
public record WatchesStatus(int connectionCount, int pathCount, int totalWatches,
        List<ConnectionWatches> byConnection, Map<String, List<Long>> sessionsByPath) {

    public WatchesStatus {
        byConnection = List.copyOf(byConnection);
        Map<String, List<Long>> paths = new LinkedHashMap<>();
        sessionsByPath.forEach((path, ids) -> paths.put(path, List.copyOf(ids)));
        sessionsByPath = Collections.unmodifiableMap(paths);
    }

    /**
     * The paths one connection watches. Two connections of one session (a client that reconnected before the
     * old connection was closed) appear as two entries with the same session id.
     */
    public record ConnectionWatches(long sessionId, List<String> paths) {

        public ConnectionWatches {
            paths = List.copyOf(paths);
        }
    }
}
