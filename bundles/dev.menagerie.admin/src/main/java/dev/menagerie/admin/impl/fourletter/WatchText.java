package dev.menagerie.admin.impl.fourletter;

import dev.menagerie.api.status.WatchesStatus;

/**
 * The texts of {@code wchs}, {@code wchc} and {@code wchp}, as Apache ZooKeeper prints them (including the blank
 * line the command adds at the end). Entries come sorted from the status, where Apache prints hash order.
 */
final class WatchText {

    private WatchText() {
    }

    /** {@code wchs}: {@code "2 connections watching 3 paths\nTotal watches:4\n"}. */
    static String summary(WatchesStatus watches) {
        return watches.connectionCount() + " connections watching " + watches.pathCount() + " paths\n"
                + "Total watches:" + watches.totalWatches() + "\n";
    }

    /** {@code wchc}: each connection's session id ({@code 0x...}) followed by its paths, each after a tab. */
    static String byConnection(WatchesStatus watches) {
        StringBuilder text = new StringBuilder();
        for (WatchesStatus.ConnectionWatches connection : watches.byConnection()) {
            text.append("0x").append(Long.toHexString(connection.sessionId())).append('\n');
            connection.paths().forEach(path -> text.append('\t').append(path).append('\n'));
        }
        return text.append('\n').toString();
    }

    /** {@code wchp}: each path followed by the session ids watching it, each as a tab and {@code 0x...}. */
    static String byPath(WatchesStatus watches) {
        StringBuilder text = new StringBuilder();
        watches.sessionsByPath().forEach((path, sessionIds) -> {
            text.append(path).append('\n');
            sessionIds.forEach(id -> text.append("\t0x").append(Long.toHexString(id)).append('\n'));
        });
        return text.append('\n').toString();
    }
}
