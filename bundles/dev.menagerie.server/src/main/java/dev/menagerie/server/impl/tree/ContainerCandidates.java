package dev.menagerie.server.impl.tree;

import java.util.HashSet;
import java.util.Set;

/**
 * Which containers and TTL nodes are due for deletion, as Apache ZooKeeper's {@code ContainerManager}
 * chooses them. The caller issues the deletes (deleteContainer / delete with version -1).
 */
final class ContainerCandidates {
    private ContainerCandidates() {
    }

    static Set<String> select(DataTree tree, Set<String> containers, Set<String> ttls, long nowMs,
            long maxNeverUsedIntervalMs) {
        Set<String> candidates = new HashSet<>();
        for (String path : containers) {
            DataNode node = tree.node(path);
            if (node == null || node.childCount() != 0) {
                continue;
            }
            // A container that never had a child (cversion 0) is kept, or it could vanish right after its
            // creation; unless the operator set a maximum time for never-used containers.
            if (node.persistedCversion() > 0) {
                candidates.add(path);
            } else if (maxNeverUsedIntervalMs != 0 && nowMs - node.mtime() > maxNeverUsedIntervalMs) {
                candidates.add(path);
            }
        }
        for (String path : ttls) {
            DataNode node = tree.node(path);
            if (node == null || node.childCount() != 0 || node.kind() != NodeKind.TTL) {
                continue;
            }
            long ttlMs = NodeKind.ttlMs(node.ephemeralOwner());
            if (ttlMs != 0 && nowMs - node.mtime() > ttlMs) {
                candidates.add(path);
            }
        }
        return candidates;
    }
}
