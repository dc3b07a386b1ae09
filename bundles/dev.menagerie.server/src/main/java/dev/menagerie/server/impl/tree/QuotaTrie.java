package dev.menagerie.server.impl.tree;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The paths that have a quota, as Apache ZooKeeper's {@code PathTrie}: paths are split on "/" with blank
 * components dropped, and deleting a path drops its whole subtree, including quotas set on paths below it
 * (Apache does the same; their limits come back on the next snapshot load).
 */
final class QuotaTrie {
    private static final class TrieNode {
        final TrieNode parent;
        final String name;
        final Map<String, TrieNode> children = new HashMap<>();
        boolean hasQuota;

        TrieNode(TrieNode parent, String name) {
            this.parent = parent;
            this.name = name;
        }
    }

    private final TrieNode root = new TrieNode(null, "/");

    synchronized void add(String path) {
        TrieNode node = root;
        for (String part : split(path)) {
            TrieNode parent = node;
            node = parent.children.computeIfAbsent(part, name -> new TrieNode(parent, name));
        }
        node.hasQuota = true;
    }

    synchronized void delete(String path) {
        TrieNode node = root;
        for (String part : split(path)) {
            node = node.children.get(part);
            if (node == null) {
                return;
            }
        }
        if (node.parent != null) {
            node.parent.children.remove(node.name);
        }
    }

    /** The deepest quota path that is {@code path} or one of its ancestors, or "/" when there is none. */
    synchronized String findMaxPrefix(String path) {
        TrieNode node = root;
        TrieNode deepest = null;
        for (String part : split(path)) {
            node = node.children.get(part);
            if (node == null) {
                break;
            }
            if (node.hasQuota) {
                deepest = node;
            }
        }
        if (deepest == null) {
            return "/";
        }
        List<String> parts = new ArrayList<>();
        for (TrieNode at = deepest; at != root; at = at.parent) {
            parts.add(0, at.name);
        }
        return "/" + String.join("/", parts);
    }

    synchronized void clear() {
        root.children.clear();
    }

    private static List<String> split(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.trim().isEmpty()) {
                parts.add(part);
            }
        }
        return parts;
    }
}
