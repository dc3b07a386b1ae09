package dev.menagerie.storage.file.tool;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * {@code bin/zkSnapshotRecursiveSummaryToolkit.sh}: for each znode with children under a starting node, the number
 * of znodes below it and the bytes of data in its subtree (its own included), as Apache ZooKeeper 3.9.5's
 * {@code SnapshotRecursiveSummary} prints them ({@code <snapshot_file> <starting_node> <max_depth>}); the depth
 * limits what is printed, never what is counted.
 */
public final class SnapshotRecursiveSummary {

    static final String USAGE_SEPARATOR = System.lineSeparator();

    private final SnapshotContents contents;
    private final int maxDepth;

    private SnapshotRecursiveSummary(SnapshotContents contents, int maxDepth) {
        this.contents = contents;
        this.maxDepth = maxDepth;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the tool; returns the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 3) {
            err.println(usage());
            return SnapshotFormatter.INVALID_INVOCATION;
        }
        int maxDepth;
        try {
            maxDepth = Integer.parseInt(args[2]);
        } catch (NumberFormatException e) {
            err.println(usage());
            return SnapshotFormatter.INVALID_INVOCATION;
        }
        try {
            SnapshotContents contents = SnapshotContents.read(Path.of(args[0]));
            if (contents.node(args[1]) == null) {
                err.println("No znode " + args[1] + " in " + args[0]);
                return SnapshotFormatter.FAILED;
            }
            StringBuilder text = new StringBuilder();
            new SnapshotRecursiveSummary(contents, maxDepth).summarize(args[1], text, 0);
            out.println(text);
            out.flush();
            return 0;
        } catch (IOException e) {
            err.println("Cannot read " + args[0] + ": " + e.getMessage());
            return SnapshotFormatter.FAILED;
        }
    }

    /** Appends the summary of a subtree; returns its znode count and data bytes. */
    private long[] summarize(String path, StringBuilder text, int level) {
        SnapshotContents.Node node = contents.node(path);
        long[] totals = {1, node.dataLength()};
        if (node.children == null || node.children.isEmpty()) {
            return totals;
        }
        StringBuilder below = new StringBuilder();
        for (String child : node.children) {
            long[] childTotals = summarize(SnapshotFormatter.childPath(path, child), below, level + 1);
            totals[0] += childTotals[0];
            totals[1] += childTotals[1];
        }
        if (maxDepth == 0 || level <= maxDepth) {
            String indent = "--".repeat(level);
            text.append(indent).append(' ').append(path).append('\n');
            text.append(indent).append("   children: ").append(totals[0] - 1).append('\n');
            text.append(indent).append("   data: ").append(totals[1]).append('\n');
            text.append(below);
        }
        return totals;
    }

    static String usage() {
        return String.join(USAGE_SEPARATOR, "USAGE:", USAGE_SEPARATOR,
                "SnapshotRecursiveSummary  <snapshot_file>  <starting_node>  <max_depth>", USAGE_SEPARATOR,
                "snapshot_file:    path to the zookeeper snapshot",
                "starting_node:    the path in the zookeeper tree where the traversal should begin",
                "max_depth:        defines the depth where the tool still writes to the output. 0 means there is no "
                        + "depth limit, every non-leaf node's stats will be displayed, 1 means it will only contain "
                        + "the starting node's and it's children's stats, 2 ads another level and so on. This ONLY "
                        + "affects the level of details displayed, NOT the calculation.");
    }
}
