package dev.menagerie.server.impl.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.apache.zookeeper.Watcher.Event.EventType;
import org.apache.zookeeper.server.DumbWatcher;
import org.apache.zookeeper.server.watch.WatcherOrBitSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Drives Apache's {@code WatchManager} and ours with the same seeded script of adds, triggers and removals and
 * compares every answer: which connections fire, removal results, contains results, size and summary.
 */
class WatchManagerApacheComparisonTest {
    private static final String[] PATHS = {"/", "/a", "/a/b", "/a/b/c", "/a/bc", "/d", "/d/e"};
    private static final int CONNECTIONS = 4;
    private static final int STEPS = 3000;

    @ParameterizedTest
    @ValueSource(longs = {1L, 2L, 3L, 42L, 20240601L})
    void sameScriptSameOutcome(long seed) {
        Random random = new Random(seed);
        WatchManager ours = new WatchManager();
        org.apache.zookeeper.server.watch.WatchManager apache = new org.apache.zookeeper.server.watch.WatchManager();
        List<RecordingWatcher> ourWatchers = new ArrayList<>();
        List<DumbWatcher> apacheWatchers = new ArrayList<>();
        for (int i = 0; i < CONNECTIONS; i++) {
            ourWatchers.add(new RecordingWatcher(i));
            apacheWatchers.add(new DumbWatcher(i));
        }
        for (int step = 0; step < STEPS; step++) {
            String path = PATHS[random.nextInt(PATHS.length)];
            int who = random.nextInt(CONNECTIONS);
            WatcherMode mode = WatcherMode.values()[random.nextInt(3)];
            String context = "seed " + seed + " step " + step + " " + path + " #" + who + " " + mode;
            switch (random.nextInt(6)) {
                case 0, 1 -> assertEquals(
                        apache.addWatch(path, apacheWatchers.get(who), apacheMode(mode)),
                        ours.addWatch(path, ourWatchers.get(who), mode), "add " + context);
                case 2 -> assertEquals(
                        sessionIds(apache.triggerWatch(path, EventType.NodeDataChanged, step, null), apacheWatchers),
                        sessionIdsOf(ours.trigger(path)), "trigger " + context);
                case 3 -> {
                    boolean anyMode = random.nextBoolean();
                    assertEquals(
                            apache.removeWatcher(path, apacheWatchers.get(who), anyMode ? null : apacheMode(mode)),
                            ours.removeWatcher(path, ourWatchers.get(who), anyMode ? null : mode), "remove " + context);
                }
                case 4 -> assertEquals(
                        apache.containsWatcher(path, apacheWatchers.get(who), apacheMode(mode)),
                        ours.containsWatcher(path, ourWatchers.get(who), mode), "contains " + context);
                default -> {
                    if (random.nextInt(10) == 0) {
                        apache.removeWatcher(apacheWatchers.get(who));
                        ours.removeWatcher(ourWatchers.get(who));
                    }
                }
            }
            assertEquals(apache.size(), ours.size(), "size " + context);
            var summary = apache.getWatchesSummary();
            assertEquals(new WatchesSummary(summary.getNumConnections(), summary.getNumPaths(),
                    summary.getTotalWatches()), ours.summary(), "summary " + context);
        }
        assertEquals(apache.getWatchesByPath().toMap(), toObjectMap(ours.sessionsByPath()), "seed " + seed);
    }

    private static org.apache.zookeeper.server.watch.WatcherMode apacheMode(WatcherMode mode) {
        return org.apache.zookeeper.server.watch.WatcherMode.valueOf(mode.name());
    }

    private static Set<Long> sessionIds(WatcherOrBitSet fired, List<DumbWatcher> watchers) {
        Set<Long> ids = new TreeSet<>();
        if (fired != null) {
            for (DumbWatcher watcher : watchers) {
                if (fired.contains(watcher)) {
                    ids.add(watcher.getSessionId());
                }
            }
        }
        return ids;
    }

    private static Set<Long> sessionIdsOf(Set<Watcher> fired) {
        Set<Long> ids = new TreeSet<>();
        fired.forEach(watcher -> ids.add(watcher.sessionId()));
        return ids;
    }

    private static java.util.Map<String, Set<Long>> toObjectMap(java.util.Map<String, Set<Long>> report) {
        return new java.util.HashMap<>(report);
    }
}
