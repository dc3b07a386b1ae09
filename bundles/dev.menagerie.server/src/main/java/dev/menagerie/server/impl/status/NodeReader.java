package dev.menagerie.server.impl.status;

import dev.menagerie.api.status.NodeStatus;
import dev.menagerie.protocol.data.ACL;
import dev.menagerie.protocol.data.Stat;
import dev.menagerie.server.impl.tree.DataNode;
import dev.menagerie.server.impl.tree.DataTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads one node for {@link dev.menagerie.api.status.ServerStatus#node}: data, stat and children at one moment. */
final class NodeReader {

    private NodeReader() {
    }

    static Optional<NodeStatus> read(DataTree tree, String path) {
        DataNode node = path == null ? null : tree.node(path);
        if (node == null) {
            return Optional.empty();
        }
        byte[] data;
        Stat stat;
        List<String> children;
        // The node's getters lock the node; holding its lock across them gives one consistent view.
        synchronized (node) {
            data = node.data();
            stat = node.stat();
            children = node.children();
        }
        children.sort(null);
        List<NodeStatus.AclEntry> acl = new ArrayList<>();
        for (ACL entry : tree.aclOf(node)) {
            acl.add(new NodeStatus.AclEntry(entry.perms(), entry.id().scheme(), entry.id().id()));
        }
        return Optional.of(new NodeStatus(path, data == null ? new byte[0] : data, children, acl,
                new NodeStatus.NodeStat(stat.czxid(), stat.mzxid(), stat.ctime(), stat.mtime(), stat.version(),
                        stat.cversion(), stat.aversion(), stat.ephemeralOwner(), stat.dataLength(),
                        stat.numChildren(), stat.pzxid())));
    }
}
