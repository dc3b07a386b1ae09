package dev.menagerie.server.impl.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.protocol.AddWatchMode;
import dev.menagerie.protocol.Perms;
import dev.menagerie.protocol.WatcherType;
import dev.menagerie.protocol.data.ACL;
import dev.menagerie.protocol.data.Id;
import dev.menagerie.protocol.data.Ids;
import dev.menagerie.server.impl.auth.AclChecker;
import dev.menagerie.server.impl.auth.DigestAuthenticationProvider;
import dev.menagerie.server.impl.auth.ProviderRegistry;

import java.util.List;

import org.junit.jupiter.api.Test;

class WatchRouterTest {
    private static final List<ACL> OPEN = Ids.OPEN_ACL_UNSAFE;

    private final WatchRouter router = new WatchRouter();
    private final RecordingWatcher client = new RecordingWatcher(1);

    @Test
    void anExistWatchOnAMissingNodeHearsItsCreation() {
        router.watchData("/a", client);
        router.nodeCreated("/a", 5, OPEN, OPEN);
        assertEquals(List.of("NODE_CREATED /a @5"), client.drain());
        router.nodeDataChanged("/a", 6, OPEN);
        assertEquals(List.of(), client.drain(), "the watch was one-shot");
    }

    @Test
    void childWatchesHearChildrenChangedOnTheParentAndDeletionOfTheNode() {
        router.watchChildren("/", client);
        router.nodeCreated("/a", 5, OPEN, OPEN);
        assertEquals(List.of("NODE_CHILDREN_CHANGED / @5"), client.drain());
        router.watchChildren("/a", client);
        router.nodeDeleted("/a", 6, OPEN, OPEN);
        assertEquals(List.of("NODE_DELETED /a @6"), client.drain());
    }

    @Test
    void aConnectionWithDataAndChildWatchesGetsOneDeletedEvent() {
        router.watchData("/a", client);
        router.watchChildren("/a", client);
        router.nodeDeleted("/a", 9, OPEN, OPEN);
        assertEquals(List.of("NODE_DELETED /a @9"), client.drain());
        assertEquals(0, router.watchCount(), "both one-shot watches were consumed");
    }

    @Test
    void persistentWatchesHearDataAndChildChangesOfTheirNodeOnly() {
        router.addWatch("/a", client, AddWatchMode.PERSISTENT);
        router.nodeCreated("/a/b", 5, OPEN, OPEN);
        router.nodeDataChanged("/a", 6, OPEN);
        router.nodeDataChanged("/a/b", 7, OPEN);
        router.nodeDataChanged("/a", 8, OPEN);
        assertEquals(List.of("NODE_CHILDREN_CHANGED /a @5", "NODE_DATA_CHANGED /a @6", "NODE_DATA_CHANGED /a @8"),
                client.drain());
    }

    @Test
    void recursiveWatchesHearDescendantsButNeverChildrenChanged() {
        router.addWatch("/a", client, AddWatchMode.PERSISTENT_RECURSIVE);
        router.nodeCreated("/a/b", 5, OPEN, OPEN);
        router.nodeDataChanged("/a/b", 6, OPEN);
        router.nodeDeleted("/a/b", 7, OPEN, OPEN);
        assertEquals(List.of("NODE_CREATED /a/b @5", "NODE_DATA_CHANGED /a/b @6", "NODE_DELETED /a/b @7"),
                client.drain());
    }

    @Test
    void removeWatchesFollowsApachesTypeRules() {
        router.addWatch("/a", client, AddWatchMode.PERSISTENT);
        assertFalse(router.containsWatch("/a", WatcherType.DATA, client), "DATA means one-shot data watches only");
        assertTrue(router.containsWatch("/a", WatcherType.PERSISTENT, client));
        assertTrue(router.removeWatch("/a", WatcherType.PERSISTENT, client));
        assertEquals(0, router.watchCount(), "PERSISTENT removes it from both managers");
        router.watchData("/a", client);
        router.watchChildren("/a", client);
        assertTrue(router.removeWatch("/a", WatcherType.ANY, client));
        assertFalse(router.removeWatch("/a", WatcherType.ANY, client), "nothing left means NOWATCHER");
    }

    @Test
    void eventsForNodesTheConnectionCannotReadAreDroppedButTheWatchIsConsumed() {
        WatchRouter filtered = new WatchRouter(
                new ReadAclDeliveryFilter(new AclChecker(ProviderRegistry.defaults(null), false)));
        Id alice = new Id("digest", DigestAuthenticationProvider.generateDigest("alice:secret"));
        RecordingWatcher stranger = new RecordingWatcher(2);
        RecordingWatcher owner = new RecordingWatcher(3, List.of(alice));
        List<ACL> ownerOnly = List.of(new ACL(Perms.ALL, alice));
        filtered.watchData("/secret", stranger);
        filtered.watchData("/secret", owner);
        assertEquals(java.util.Set.of(owner), filtered.nodeDataChanged("/secret", 4, ownerOnly));
        assertEquals(List.of(), stranger.drain());
        assertEquals(List.of("NODE_DATA_CHANGED /secret @4"), owner.drain());
        assertEquals(0, filtered.watchCount());
    }

    @Test
    void closingAConnectionRemovesItsWatchesFromBothManagers() {
        router.watchData("/a", client);
        router.watchChildren("/b", client);
        router.addWatch("/c", client, AddWatchMode.PERSISTENT_RECURSIVE);
        assertEquals(2, router.removeWatcher(client), "it had watches in both managers");
        assertEquals(0, router.watchCount());
        assertEquals(0, router.removeWatcher(client));
        router.nodeCreated("/c/d", 3, OPEN, OPEN);
        assertEquals(List.of(), client.drain());
    }
}
