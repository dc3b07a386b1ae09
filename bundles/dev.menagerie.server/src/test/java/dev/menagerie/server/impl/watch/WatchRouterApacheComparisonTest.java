package dev.menagerie.server.impl.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.protocol.AddWatchMode;
import dev.menagerie.protocol.WatcherType;
import dev.menagerie.protocol.data.Ids;
import dev.menagerie.protocol.data.Stat;
import dev.menagerie.protocol.proto.SetWatches2;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.server.DataTree;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs the same seeded script of reads with watches, addWatch, writes, removeWatches, setWatches2 and disconnects
 * against Apache's {@code DataTree} and against {@link WatchRouter} and compares, after every step, the events each
 * connection received (type, path, zxid), checkWatches and removeWatches answers, and the watch count.
 */
class WatchRouterApacheComparisonTest {
    private static final String[] PATHS = {"/", "/a", "/a/b", "/a/b/c", "/a/d", "/e"};
    private static final int CONNECTIONS = 3;
    private static final int STEPS = 2500;

    /** An Apache-side connection that records what it is sent in the same format as {@link RecordingWatcher}. */
    private static final class ApacheRecorder implements org.apache.zookeeper.Watcher {
        final List<String> received = new ArrayList<>();

        @Override
        public void process(WatchedEvent event) {
            dev.menagerie.protocol.EventType type = dev.menagerie.protocol.EventType.fromInt(event.getType().getIntValue());
            received.add(type + " " + event.getPath() + " @" + event.getZxid());
        }

        List<String> drain() {
            List<String> copy = List.copyOf(received);
            received.clear();
            return copy;
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {7L, 11L, 99L, 31337L, 20250101L})
    void sameScriptSameEvents(long seed) throws Exception {
        Random random = new Random(seed);
        DataTree apache = new DataTree();
        WatchRouter router = new WatchRouter();
        ReconnectWatches reconnect = new ReconnectWatches(router);
        List<ApacheRecorder> apacheWatchers = new ArrayList<>();
        List<RecordingWatcher> ourWatchers = new ArrayList<>();
        for (int i = 0; i < CONNECTIONS; i++) {
            apacheWatchers.add(new ApacheRecorder());
            ourWatchers.add(new RecordingWatcher(i));
        }
        long zxid = 100;
        int eventsCompared = 0;
        for (int step = 0; step < STEPS; step++) {
            String path = PATHS[random.nextInt(PATHS.length)];
            int who = random.nextInt(CONNECTIONS);
            ApacheRecorder theirs = apacheWatchers.get(who);
            RecordingWatcher ours = ourWatchers.get(who);
            boolean exists = apache.getNode(path) != null;
            String context = "seed " + seed + " step " + step + " " + path + " #" + who;
            int op = random.nextInt(12);
            switch (op) {
                case 0 -> {
                    if (exists) {
                        apache.getData(path, new org.apache.zookeeper.data.Stat(), theirs);
                        router.watchData(path, ours);
                    }
                }
                case 1 -> {
                    try {
                        apache.statNode(path, theirs);
                    } catch (KeeperException.NoNodeException e) {
                        // the exist watch stays registered
                    }
                    router.watchData(path, ours);
                }
                case 2 -> {
                    if (exists) {
                        apache.getChildren(path, null, theirs);
                        router.watchChildren(path, ours);
                    }
                }
                case 3 -> {
                    AddWatchMode mode = AddWatchMode.fromMode(random.nextInt(2));
                    apache.addWatch(path, theirs, mode.mode());
                    router.addWatch(path, ours, mode);
                }
                case 4, 5 -> {
                    String parent = PathParents.parentOf(path);
                    if (!exists && apache.getNode(parent.equals("/") ? "" : parent) != null) {
                        zxid++;
                        apache.createNode(path, new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, 0, -1, zxid, 0);
                        router.nodeCreated(path, zxid, Ids.OPEN_ACL_UNSAFE, Ids.OPEN_ACL_UNSAFE);
                    }
                }
                case 6 -> {
                    if (exists && !path.equals("/") && apache.getNode(path).getChildren().isEmpty()) {
                        zxid++;
                        apache.deleteNode(path, zxid);
                        router.nodeDeleted(path, zxid, Ids.OPEN_ACL_UNSAFE, Ids.OPEN_ACL_UNSAFE);
                    }
                }
                case 7 -> {
                    if (exists) {
                        zxid++;
                        apache.setData(path, new byte[] {1}, 1, zxid, 0);
                        router.nodeDataChanged(path, zxid, Ids.OPEN_ACL_UNSAFE);
                    }
                }
                case 8 -> {
                    WatcherType type = WatcherType.fromInt(1 + random.nextInt(5));
                    org.apache.zookeeper.Watcher.WatcherType apacheType =
                            org.apache.zookeeper.Watcher.WatcherType.fromInt(type.intValue());
                    if (random.nextBoolean()) {
                        assertEquals(apache.containsWatcher(path, apacheType, theirs),
                                router.containsWatch(path, type, ours), "check " + type + " " + context);
                    } else {
                        assertEquals(apache.removeWatch(path, apacheType, theirs),
                                router.removeWatch(path, type, ours), "remove " + type + " " + context);
                    }
                }
                case 9 -> {
                    SetWatches2 request = randomSetWatches(random, zxid);
                    apache.setWatches(request.relativeZxid(), request.dataWatches(), request.existWatches(),
                            request.childWatches(), request.persistentWatches(),
                            request.persistentRecursiveWatches(), theirs);
                    reconnect.apply(request, ours, p -> stat(apache, p), p -> null);
                }
                case 10 -> {
                    if (random.nextInt(8) == 0) {
                        apache.removeCnxn(theirs);
                        router.removeWatcher(ours);
                    }
                }
                default -> {
                    // a step without a request keeps the mix of writes and watches varied
                }
            }
            for (int i = 0; i < CONNECTIONS; i++) {
                List<String> expected = apacheWatchers.get(i).drain();
                assertEquals(expected, ourWatchers.get(i).drain(), "events of #" + i + " after op " + op + " " + context);
                eventsCompared += expected.size();
            }
            assertEquals(apache.getWatchCount(), router.watchCount(), "watch count " + context);
        }
        assertTrue(eventsCompared > 200, "the script exercised few events: " + eventsCompared);
    }

    private static SetWatches2 randomSetWatches(Random random, long zxid) {
        return new SetWatches2(zxid - random.nextInt(5), randomPaths(random), randomPaths(random),
                randomPaths(random), randomPaths(random), randomPaths(random));
    }

    private static List<String> randomPaths(Random random) {
        List<String> paths = new ArrayList<>();
        int count = random.nextInt(3);
        for (int i = 0; i < count; i++) {
            paths.add(PATHS[random.nextInt(PATHS.length)]);
        }
        return paths;
    }

    private static Stat stat(DataTree tree, String path) {
        try {
            org.apache.zookeeper.data.Stat s = tree.statNode(path, null);
            return new Stat(s.getCzxid(), s.getMzxid(), s.getCtime(), s.getMtime(), s.getVersion(), s.getCversion(),
                    s.getAversion(), s.getEphemeralOwner(), s.getDataLength(), s.getNumChildren(), s.getPzxid());
        } catch (KeeperException.NoNodeException e) {
            return null;
        }
    }
}
