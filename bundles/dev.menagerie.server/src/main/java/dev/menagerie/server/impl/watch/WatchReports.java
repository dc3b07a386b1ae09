package dev.menagerie.server.impl.watch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The text of the watch four-letter words, laid out as Apache ZooKeeper prints them (including the blank line the
 * command adds at the end). Apache reports data watches only; so does this. Entries are sorted, where Apache prints
 * hash order.
 */
public final class WatchReports {
    private WatchReports() {
    }

    /** {@code wchs}: {@code "2 connections watching 3 paths\nTotal watches:4\n"}. */
    public static String summary(WatchManager watches) {
        WatchesSummary summary = watches.summary();
        return summary.numConnections() + " connections watching " + summary.numPaths() + " paths\n"
                + "Total watches:" + summary.totalWatches() + "\n";
    }

    /** {@code wchc}: each connection's session id ({@code 0x...}) followed by its paths, each after a tab. */
    public static String byConnection(WatchManager watches) {
        StringBuilder text = new StringBuilder();
        List<Map.Entry<Watcher, Set<String>>> entries = new ArrayList<>(watches.pathsByWatcher().entrySet());
        entries.sort(Comparator.comparingLong(entry -> entry.getKey().sessionId()));
        for (Map.Entry<Watcher, Set<String>> entry : entries) {
            text.append("0x").append(Long.toHexString(entry.getKey().sessionId())).append('\n');
            entry.getValue().forEach(path -> text.append('\t').append(path).append('\n'));
        }
        return text.append('\n').toString();
    }

    /** {@code wchp}: each path followed by the session ids watching it, each as a tab and {@code 0x...}. */
    public static String byPath(WatchManager watches) {
        StringBuilder text = new StringBuilder();
        watches.sessionsByPath().forEach((path, sessionIds) -> {
            text.append(path).append('\n');
            sessionIds.forEach(id -> text.append("\t0x").append(Long.toHexString(id)).append('\n'));
        });
        return text.append('\n').toString();
    }
}
