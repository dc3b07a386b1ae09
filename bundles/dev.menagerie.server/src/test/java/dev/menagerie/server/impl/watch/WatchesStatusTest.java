package dev.menagerie.server.impl.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.menagerie.api.status.WatchesStatus;
import dev.menagerie.api.status.WatchesStatus.ConnectionWatches;
import dev.menagerie.protocol.AddWatchMode;
import dev.menagerie.server.impl.status.ServerStatusView;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the status reports of the watches, which wchs, wchc and wchp print. */
class WatchesStatusTest {

    @Test
    void countsConnectionsPathsAndPairsAsApachesSummary() {
        WatchManager watches = new WatchManager();
        RecordingWatcher one = new RecordingWatcher(1);
        RecordingWatcher two = new RecordingWatcher(2);
        watches.addWatch("/b", one, WatcherMode.STANDARD);
        watches.addWatch("/a", one, WatcherMode.STANDARD);
        watches.addWatch("/a", one, WatcherMode.PERSISTENT);
        watches.addWatch("/a", two, WatcherMode.STANDARD);

        WatchesStatus status = ServerStatusView.watchesOf(watches);

        assertEquals(2, status.connectionCount());
        assertEquals(2, status.pathCount());
        assertEquals(3, status.totalWatches(), "two modes on one (connection, path) pair count once");
        assertEquals(List.of(new ConnectionWatches(1, List.of("/a", "/b")), new ConnectionWatches(2, List.of("/a"))),
                status.byConnection());
        assertEquals(Map.of("/a", List.of(1L, 2L), "/b", List.of(1L)), status.sessionsByPath());
        assertEquals(List.of("/a", "/b"), List.copyOf(status.sessionsByPath().keySet()), "paths sorted");
    }

    @Test
    void reportsOnlyDataWatchesAsApacheDoes() {
        WatchRouter router = new WatchRouter();
        RecordingWatcher client = new RecordingWatcher(0x10);
        router.watchChildren("/kids", client);
        router.addWatch("/p", client, AddWatchMode.PERSISTENT);

        WatchesStatus status = ServerStatusView.watchesOf(router.dataWatches());

        assertEquals(List.of(new ConnectionWatches(0x10, List.of("/p"))), status.byConnection());
        assertEquals(Map.of("/p", List.of(0x10L)), status.sessionsByPath());
        assertEquals(3, router.watchCount(), "but the watch count covers both managers");
    }

    @Test
    void aConnectionWhoseWatchesAllFiredIsStillCountedAsInApache() {
        WatchManager watches = new WatchManager();
        watches.addWatch("/a", new RecordingWatcher(5), WatcherMode.STANDARD);
        watches.trigger("/a");

        WatchesStatus status = ServerStatusView.watchesOf(watches);

        assertEquals(1, status.connectionCount());
        assertEquals(0, status.pathCount());
        assertEquals(List.of(new ConnectionWatches(5, List.of())), status.byConnection());
    }
}
