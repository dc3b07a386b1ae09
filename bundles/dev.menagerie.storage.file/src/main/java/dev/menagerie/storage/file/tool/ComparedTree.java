package dev.menagerie.storage.file.tool;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One snapshot's tree as Apache ZooKeeper's {@code SnapshotComparer} sees it: each znode with its data size, the
 * data bytes and the count of znodes below it, the znodes of each depth (the root is depth 0) and by path. The root
 * is labelled {@code ""} and the others by their path.
 */
final class ComparedTree {

    /** One znode. */
    static final class Entry {
        final String label;
        final long size;
        final List<Entry> children = new ArrayList<>();
        long descendantSize;
        long descendantCount;

        Entry(String label, long size) {
            this.label = label;
            this.size = size;
        }
    }

    final Entry root;
    final List<List<Entry>> byDepth = new ArrayList<>();
    final Map<String, Entry> byLabel = new HashMap<>();
    private long count;

    /** Builds the tree and prints how long it took, as Apache's does. */
    ComparedTree(SnapshotContents contents, PrintStream out) {
        long started = System.nanoTime();
        root = new Entry("", contents.node("").dataLength());
        fill(root, contents, 1);
        out.println(String.format("Processed data tree in %f seconds",
                (((double) System.nanoTime() - started) / 1_000_000) / 1000));
    }

    private void fill(Entry entry, SnapshotContents contents, int depth) {
        SnapshotContents.Node node = contents.node(entry.label);
        if (node.children != null) {
            for (String name : node.children) {
                String path = entry.label + "/" + name;
                Entry child = new Entry(path, contents.node(path).dataLength());
                fill(child, contents, depth + 1);
                entry.children.add(child);
            }
        }
        entry.descendantSize = entry.size;
        entry.descendantCount = entry.children.size();
        for (Entry child : entry.children) {
            entry.descendantSize += child.descendantSize;
            entry.descendantCount += child.descendantCount;
        }
        while (byDepth.size() < depth) {
            byDepth.add(new ArrayList<>());
        }
        byDepth.get(depth - 1).add(entry);
        byLabel.put(entry.label, entry);
        count++;
    }

    /** The znodes at a depth, empty below the deepest. */
    List<Entry> atDepth(int depth) {
        return depth < byDepth.size() ? byDepth.get(depth) : new ArrayList<>();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        text.append(String.format("Node count: %d%n", count));
        text.append(String.format("Total size: %d%n", root.descendantSize));
        text.append(String.format("Max depth: %d%n", byDepth.size()));
        for (int i = 0; i < byDepth.size(); i++) {
            text.append(String.format("Count of nodes at depth %d: %d%n", i, byDepth.get(i).size()));
        }
        return text.toString();
    }
}
