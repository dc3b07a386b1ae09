package dev.menagerie.server.impl.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.menagerie.protocol.EventType;
import dev.menagerie.protocol.data.Ids;
import dev.menagerie.protocol.data.Stat;
import dev.menagerie.protocol.proto.SetWatches;
import dev.menagerie.protocol.proto.SetWatches2;
import dev.menagerie.protocol.proto.WatcherEvent;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ReconnectWatchesTest {
    private static final long SEEN_ZXID = 10;

    private final WatchRouter router = new WatchRouter();
    private final ReconnectWatches reconnect = new ReconnectWatches(router);
    private final RecordingWatcher client = new RecordingWatcher(1);
    private final Map<String, Stat> tree = Map.of(
            "/old", stat(5, 5),
            "/changed", stat(12, 5),
            "/grown", stat(5, 11));

    private static Stat stat(long mzxid, long pzxid) {
        return new Stat(1, mzxid, 0, 0, 0, 0, 0, 0, 0, 0, pzxid);
    }

    @Test
    void missedChangesFireAtOnceWithoutAZxid() {
        List<WatcherEvent> fired = reconnect.apply(new SetWatches(SEEN_ZXID,
                List.of("/changed", "/gone"), List.of("/old"), List.of("/grown", "/gone")), client, tree::get, path -> Ids.OPEN_ACL_UNSAFE);
        assertEquals(List.of(
                "NODE_DATA_CHANGED /changed @-1", "NODE_DELETED /gone @-1", "NODE_CREATED /old @-1",
                "NODE_CHILDREN_CHANGED /grown @-1", "NODE_DELETED /gone @-1"), client.drain());
        assertEquals(EventType.NODE_DATA_CHANGED.intValue(), fired.get(0).type());
        assertEquals(0, router.watchCount(), "watches that fired are not registered");
    }

    @Test
    void unchangedWatchesAreRegisteredAgain() {
        reconnect.apply(new SetWatches(SEEN_ZXID, List.of("/old"), List.of("/absent"), List.of("/old")), client,
                tree::get, path -> Ids.OPEN_ACL_UNSAFE);
        assertEquals(List.of(), client.drain());
        router.nodeDataChanged("/old", 20, Ids.OPEN_ACL_UNSAFE);
        router.nodeCreated("/absent", 21, Ids.OPEN_ACL_UNSAFE, Ids.OPEN_ACL_UNSAFE);
        router.nodeCreated("/old/x", 22, Ids.OPEN_ACL_UNSAFE, Ids.OPEN_ACL_UNSAFE);
        assertEquals(List.of("NODE_DATA_CHANGED /old @20", "NODE_CREATED /absent @21",
                "NODE_CHILDREN_CHANGED /old @22"), client.drain());
    }

    @Test
    void persistentWatchesAreRegisteredWithoutChecks() {
        reconnect.apply(new SetWatches2(SEEN_ZXID, List.of(), List.of(), List.of(), List.of("/gone"),
                List.of("/changed")), client, tree::get, path -> Ids.OPEN_ACL_UNSAFE);
        assertEquals(List.of(), client.drain());
        router.nodeCreated("/gone", 30, Ids.OPEN_ACL_UNSAFE, Ids.OPEN_ACL_UNSAFE);
        router.nodeCreated("/changed/x", 31, Ids.OPEN_ACL_UNSAFE, Ids.OPEN_ACL_UNSAFE);
        assertEquals(List.of("NODE_CREATED /gone @30", "NODE_CREATED /changed/x @31"), client.drain());
    }

    @Test
    void eventsAtOnceGoOnlyToAClientThatMayReadTheNode() {
        WatchRouter guarded = new WatchRouter((watcher, path, acl) -> !path.equals("/changed"));
        RecordingWatcher outsider = new RecordingWatcher(2);
        new ReconnectWatches(guarded).apply(new SetWatches(SEEN_ZXID, List.of("/changed", "/gone"), List.of(),
                List.of("/grown")), outsider, tree::get, path -> Ids.OPEN_ACL_UNSAFE);
        // Apache 3.9.5 would also send NODE_DATA_CHANGED /changed, telling a client without READ that it changed.
        assertEquals(List.of("NODE_DELETED /gone @-1", "NODE_CHILDREN_CHANGED /grown @-1"), outsider.drain());
    }
}
