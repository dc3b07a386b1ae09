package dev.menagerie.server.impl.watch;

/**
 * Counts for {@code wchs} and the admin {@code watch_summary} command, as Apache's {@code WatchesSummary}.
 *
 * @param numConnections connections with at least one watch
 * @param numPaths       paths with at least one watch
 * @param totalWatches   (connection, path) pairs; several modes on one pair count once
 */
public record WatchesSummary(int numConnections, int numPaths, int totalWatches) {
}
