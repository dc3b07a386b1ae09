package dev.menagerie.server.impl.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class WatchManagerTest {
    private final WatchManager watches = new WatchManager();
    private final RecordingWatcher one = new RecordingWatcher(1);
    private final RecordingWatcher two = new RecordingWatcher(2);

    @Test
    void standardWatchesFireOnce() {
        watches.addWatch("/a", one, WatcherMode.STANDARD);
        assertEquals(Set.of(one), watches.trigger("/a"));
        assertEquals(Set.of(), watches.trigger("/a"));
        assertEquals(0, watches.size());
    }

    @Test
    void persistentWatchesStayAndIgnoreDescendants() {
        watches.addWatch("/a", one, WatcherMode.PERSISTENT);
        assertEquals(Set.of(one), watches.trigger("/a"));
        assertEquals(Set.of(one), watches.trigger("/a"));
        assertEquals(Set.of(), watches.trigger("/a/b"));
    }

    @Test
    void recursiveWatchesFireForThePathAndEveryDescendant() {
        watches.addWatch("/a", one, WatcherMode.PERSISTENT_RECURSIVE);
        watches.addWatch("/", two, WatcherMode.PERSISTENT_RECURSIVE);
        assertEquals(Set.of(one, two), watches.trigger("/a/b/c"));
        assertEquals(Set.of(one, two), watches.trigger("/a"));
        assertEquals(Set.of(two), watches.trigger("/ab"), "/ab is not under /a");
        assertEquals(Set.of(two), watches.trigger("/"));
    }

    @Test
    void aStandardWatchBesideARecursiveOneIsConsumedAndTheRecursiveOneKept() {
        watches.addWatch("/a", one, WatcherMode.STANDARD);
        watches.addWatch("/a", one, WatcherMode.PERSISTENT_RECURSIVE);
        assertEquals(Set.of(one), watches.trigger("/a"));
        assertFalse(watches.containsWatcher("/a", one, WatcherMode.STANDARD));
        assertTrue(watches.containsWatcher("/a", one, WatcherMode.PERSISTENT_RECURSIVE));
    }

    @Test
    void addingTheSameModeTwiceIsReported() {
        assertTrue(watches.addWatch("/a", one, WatcherMode.STANDARD));
        assertFalse(watches.addWatch("/a", one, WatcherMode.STANDARD));
        assertTrue(watches.addWatch("/a", one, WatcherMode.PERSISTENT));
        assertEquals(1, watches.size(), "one (path, watcher) pair");
    }

    @Test
    void removingOneModeKeepsTheOthers() {
        watches.addWatch("/a", one, WatcherMode.STANDARD);
        watches.addWatch("/a", one, WatcherMode.PERSISTENT);
        assertTrue(watches.removeWatcher("/a", one, WatcherMode.STANDARD));
        assertFalse(watches.removeWatcher("/a", one, WatcherMode.STANDARD));
        assertTrue(watches.containsWatcher("/a", one, null));
        assertTrue(watches.removeWatcher("/a", one, null));
        assertFalse(watches.containsWatcher("/a", one, null));
        assertEquals(0, watches.size());
    }

    @Test
    void removingARecursiveWatchStopsAncestorMatching() {
        watches.addWatch("/a", one, WatcherMode.PERSISTENT_RECURSIVE);
        watches.removeWatcher("/a", one, WatcherMode.PERSISTENT_RECURSIVE);
        assertEquals(0, watches.recursiveWatchCount());
        assertEquals(Set.of(), watches.trigger("/a/b"));
    }

    @Test
    void closingAConnectionDropsAllItsWatches() {
        watches.addWatch("/a", one, WatcherMode.STANDARD);
        watches.addWatch("/b", one, WatcherMode.PERSISTENT_RECURSIVE);
        watches.addWatch("/a", two, WatcherMode.STANDARD);
        watches.removeWatcher(one);
        assertEquals(Set.of(two), watches.trigger("/a"));
        assertEquals(Set.of(), watches.trigger("/b/c"));
        assertEquals(0, watches.recursiveWatchCount());
    }

    @Test
    void staleConnectionsCannotAddWatches() {
        one.stale = true;
        assertFalse(watches.addWatch("/a", one, WatcherMode.STANDARD));
        assertEquals(0, watches.size());
    }

    @Test
    void reportsCountConnectionsPathsAndPairs() {
        watches.addWatch("/a", one, WatcherMode.STANDARD);
        watches.addWatch("/a", one, WatcherMode.PERSISTENT);
        watches.addWatch("/b", one, WatcherMode.STANDARD);
        watches.addWatch("/a", two, WatcherMode.STANDARD);
        assertEquals(new WatchesSummary(2, 2, 3), watches.summary());
        assertEquals(Map.of(1L, Set.of("/a", "/b"), 2L, Set.of("/a")), watches.pathsBySession());
        assertEquals(Map.of("/a", Set.of(1L, 2L), "/b", Set.of(1L)), watches.sessionsByPath());
        assertEquals(3, watches.size());
    }
}
