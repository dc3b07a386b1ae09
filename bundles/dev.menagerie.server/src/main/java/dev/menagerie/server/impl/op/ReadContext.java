package dev.menagerie.server.impl.op;

import dev.menagerie.protocol.ErrorCode;
import dev.menagerie.protocol.Perms;
import dev.menagerie.protocol.WatcherType;
import dev.menagerie.protocol.data.ACL;
import dev.menagerie.protocol.data.Id;
import dev.menagerie.server.impl.auth.AclChecker;
import dev.menagerie.server.impl.auth.ProviderRegistry;
import dev.menagerie.server.impl.stats.NamespaceBytes;
import dev.menagerie.server.impl.tree.DataNode;
import dev.menagerie.server.impl.tree.DataTree;
import dev.menagerie.server.impl.watch.ReconnectWatches;
import dev.menagerie.server.impl.watch.WatchRouter;
import java.util.List;

/** What a read operation answers from: the tree, the watches, the ACL checks and the auth providers. */
public final class ReadContext {

    private final DataTree tree;
    private final WatchRouter watches;
    private final AclChecker acls;
    private final ProviderRegistry providers;
    private final ReconnectWatches reconnectWatches;
    private final NamespaceBytes namespaceBytes;

    /** @param namespaceBytes where the bytes each read returns are counted per namespace */
    public ReadContext(DataTree tree, WatchRouter watches, AclChecker acls, ProviderRegistry providers,
            NamespaceBytes namespaceBytes) {
        this.tree = tree;
        this.namespaceBytes = namespaceBytes;
        this.watches = watches;
        this.acls = acls;
        this.providers = providers;
        this.reconnectWatches = new ReconnectWatches(watches);
    }

    DataTree tree() {
        return tree;
    }

    WatchRouter watches() {
        return watches;
    }

    AclChecker acls() {
        return acls;
    }

    ProviderRegistry providers() {
        return providers;
    }

    ReconnectWatches reconnectWatches() {
        return reconnectWatches;
    }

    /** A read of {@code path} returned {@code bytes} of data (and a stat). */
    void countRead(String path, long bytes) {
        namespaceBytes.read(path, bytes);
    }

    /** A read of {@code path} returned {@code children}: their names count as its bytes, as in Apache. */
    void countChildrenRead(String path, List<String> children) {
        long bytes = 0;
        for (String child : children) {
            bytes += child.length();
        }
        namespaceBytes.read(path, bytes);
    }

    DataNode readable(String path, List<Id> auth) throws KeeperFailure {
        DataNode node = existing(path);
        require(tree.aclOf(node), Perms.READ, auth, path);
        return node;
    }

    DataNode existing(String path) throws KeeperFailure {
        DataNode node = tree.node(path);
        if (node == null) {
            throw new KeeperFailure(ErrorCode.NONODE, path);
        }
        return node;
    }

    void require(List<ACL> acl, int perm, List<Id> auth, String path) throws KeeperFailure {
        if (!acls.isAllowed(acl, perm, auth)) {
            throw new KeeperFailure(ErrorCode.NOAUTH, path);
        }
    }

    static WatcherType watcherType(int value, String path) throws KeeperFailure {
        WatcherType type = WatcherType.fromInt(value);
        if (type == null) {
            throw new KeeperFailure(ErrorCode.BADARGUMENTS, path);
        }
        return type;
    }
}
