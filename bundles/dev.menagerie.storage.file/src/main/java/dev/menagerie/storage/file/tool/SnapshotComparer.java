package dev.menagerie.storage.file.tool;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Scanner;

/**
 * {@code bin/zkSnapshotComparer.sh}: compares two snapshot files depth by depth, as Apache ZooKeeper 3.9.5's
 * {@code SnapshotComparer} does ({@code -l/--left}, {@code -r/--right}, {@code -b/--bytes},
 * {@code -n/--nodes}, {@code -d/--debug}, {@code -i/--interactive}): a znode is printed when it is in one tree
 * only, or when its subtree's data bytes or znode count differ by more than the thresholds.
 */
public final class SnapshotComparer {

    private static final Map<String, String> LONG_NAMES = Map.of("l", "left", "r", "right", "b", "bytes", "n",
            "nodes", "d", "debug", "i", "interactive");
    private static final List<String> REQUIRED = List.of("l", "r", "b", "n");

    private final PrintStream out;
    private final int byteThreshold;
    private final int nodeThreshold;
    private final boolean verbose;
    private final boolean interactive;

    private SnapshotComparer(PrintStream out, int byteThreshold, int nodeThreshold, boolean debug,
            boolean interactive) {
        this.out = out;
        this.byteThreshold = byteThreshold;
        this.nodeThreshold = nodeThreshold;
        this.verbose = debug;
        this.interactive = interactive;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err));
    }

    /** Runs the tool; returns the exit code. */
    static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        Map<String, String> options = new LinkedHashMap<>();
        String problem = parse(args, options);
        if (problem == null) {
            List<String> missing = REQUIRED.stream().filter(name -> !options.containsKey(name)).toList();
            if (!missing.isEmpty()) {
                problem = "Missing required option" + (missing.size() > 1 ? "s" : "") + ": "
                        + String.join(", ", missing);
            }
        }
        int bytes = 0;
        int nodes = 0;
        if (problem == null) {
            try {
                bytes = Integer.parseInt(options.get("b"));
                nodes = Integer.parseInt(options.get("n"));
            } catch (NumberFormatException e) {
                problem = "The thresholds -b and -n must be whole numbers: " + e.getMessage();
            }
        }
        if (problem != null) {
            err.println(problem);
            out.println(usage());
            return SnapshotFormatter.INVALID_INVOCATION;
        }
        out.println("Successfully parsed options!");
        try {
            ComparedTree left = load(options.get("l"), out);
            ComparedTree right = load(options.get("r"), out);
            out.println(left);
            out.println(right);
            new SnapshotComparer(out, bytes, nodes, options.containsKey("d"), options.containsKey("i"))
                    .compare(left, right, new Scanner(in));
            out.flush();
            return 0;
        } catch (IOException e) {
            err.println("Cannot read a snapshot: " + e.getMessage());
            return SnapshotFormatter.FAILED;
        }
    }

    /** Reads {@code -x value}, {@code --long value} and {@code --long=value}; returns the problem, or null. */
    private static String parse(String[] args, Map<String, String> options) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name;
            String value = null;
            if (arg.startsWith("--")) {
                int equals = arg.indexOf('=');
                String longName = equals < 0 ? arg.substring(2) : arg.substring(2, equals);
                value = equals < 0 ? null : arg.substring(equals + 1);
                name = LONG_NAMES.entrySet().stream().filter(e -> e.getValue().equals(longName))
                        .map(Map.Entry::getKey).findFirst().orElse(null);
            } else if (arg.startsWith("-") && arg.length() == 2) {
                name = LONG_NAMES.containsKey(arg.substring(1)) ? arg.substring(1) : null;
            } else {
                name = null;
            }
            if (name == null) {
                return "Unrecognized option: " + arg;
            }
            boolean flag = name.equals("d") || name.equals("i");
            if (!flag && value == null) {
                if (i + 1 >= args.length) {
                    return "Missing argument for option: " + name;
                }
                value = args[++i];
            }
            options.put(name, flag ? "" : value);
        }
        return null;
    }

    private static ComparedTree load(String file, PrintStream out) throws IOException {
        long started = System.nanoTime();
        Path path = Path.of(file);
        SnapshotContents contents = SnapshotContents.read(path);
        out.println(String.format("Deserialized snapshot in %s in %f seconds", path.getFileName(),
                (((double) (System.nanoTime() - started) / 1_000_000)) / 1000));
        return new ComparedTree(contents, out);
    }

    private void compare(ComparedTree left, ComparedTree right, Scanner input) {
        int maxDepth = Math.max(left.byDepth.size(), right.byDepth.size());
        if (!interactive) {
            printThresholds();
            for (int depth = 0; depth < maxDepth; depth++) {
                out.println(String.format("Analysis for depth %d", depth));
                compareNodes(left.atDepth(depth), right.atDepth(depth));
            }
        } else {
            int depth = 0;
            while (depth < maxDepth && input.hasNextLine()) {
                depth = step(left, right, depth, maxDepth, input.nextLine());
            }
        }
        out.println("All layers compared.");
    }

    /**
     * One answer of the interactive mode, followed by an empty line except after a depth out of range (as in
     * Apache's); returns the depth to go on from.
     */
    private int step(ComparedTree left, ComparedTree right, int depth, int maxDepth, String answer) {
        out.println(String.format("Current depth is %d", depth));
        out.println("- Press enter to move to print current depth layer;\n"
                + "- Type a number to jump to and print all nodes at a given depth;\n"
                + "- Enter an ABSOLUTE path to print the immediate subtree of a node. Path must start with '/'.");
        printThresholds();
        if (answer.isEmpty()) {
            out.println(String.format("Analysis for depth %d", depth));
            compareNodes(left.atDepth(depth), right.atDepth(depth));
            out.println("");
            return depth + 1;
        }
        if (answer.startsWith("/")) {
            out.println(String.format("Analysis for node %s", answer));
            ComparedTree.Entry leftRoot = left.byLabel.get(answer);
            ComparedTree.Entry rightRoot = right.byLabel.get(answer);
            if (leftRoot == null && rightRoot == null) {
                out.println(String.format("Path %s is neither found in left tree nor right tree.", answer));
            } else {
                compareNodes(leftRoot == null ? new ArrayList<>() : leftRoot.children,
                        rightRoot == null ? new ArrayList<>() : rightRoot.children);
            }
            out.println("");
            return depth;
        }
        try {
            int asked = Integer.parseInt(answer);
            if (asked < 0 || asked >= maxDepth) {
                out.println(String.format("Depth must be in range [%d, %d]", 0, maxDepth - 1));
                return depth;
            }
            out.println(String.format("Analysis for depth %d", asked));
            compareNodes(left.atDepth(asked), right.atDepth(asked));
            out.println("");
            return asked;
        } catch (NumberFormatException e) {
            out.println(String.format("Input %s is not valid. Depth must be in range [%d, %d]. Path must be an "
                    + "absolute path which starts with '/'.", answer, 0, maxDepth - 1));
            out.println("");
            return depth;
        }
    }

    private void printThresholds() {
        out.println(String.format("Printing analysis for nodes difference larger than %d bytes or node count "
                + "difference larger than %d.", byteThreshold, nodeThreshold));
    }

    /** Walks both lists in path order, as a merge. */
    private void compareNodes(List<ComparedTree.Entry> leftList, List<ComparedTree.Entry> rightList) {
        Comparator<ComparedTree.Entry> byLabel = Comparator.comparing(entry -> entry.label);
        leftList.sort(byLabel);
        rightList.sort(byLabel);
        int l = 0;
        int r = 0;
        while (l < leftList.size() || r < rightList.size()) {
            ComparedTree.Entry left = l < leftList.size() ? leftList.get(l) : null;
            ComparedTree.Entry right = r < rightList.size() ? rightList.get(r) : null;
            if (left != null && right != null) {
                debug(String.format("Comparing %s to %s", left.label, right.label));
                int order = left.label.compareTo(right.label);
                if (order < 0) {
                    debug("left is less");
                    printOnly(left, "left");
                    l++;
                } else if (order > 0) {
                    debug("right is less");
                    printOnly(right, "right");
                    r++;
                } else {
                    debug("same");
                    printBoth(left, right);
                    l++;
                    r++;
                }
            } else if (left != null) {
                printOnly(left, "left");
                l++;
            } else {
                printOnly(right, "right");
                r++;
            }
        }
    }

    private void debug(String line) {
        if (verbose) {
            out.println(line);
        }
    }

    private void printOnly(ComparedTree.Entry entry, String side) {
        if (entry.descendantSize > byteThreshold || entry.descendantCount > nodeThreshold) {
            out.println(String.format("Node %s found only in %s tree. Descendant size: %d. Descendant count: %d",
                    entry.label, side, entry.descendantSize, entry.descendantCount));
        } else if (verbose || interactive) {
            out.println(String.format("Filtered %s node %s of size %d", side, entry.label, entry.descendantSize));
        }
    }

    private void printBoth(ComparedTree.Entry left, ComparedTree.Entry right) {
        long sizeDelta = right.descendantSize - left.descendantSize;
        long countDelta = right.descendantCount - left.descendantCount;
        if (Math.abs(sizeDelta) > byteThreshold || Math.abs(countDelta) > nodeThreshold) {
            out.println(String.format("Node %s found in both trees. Delta: %d bytes, %d descendants", left.label,
                    sizeDelta, countDelta));
        } else if (verbose || interactive) {
            out.println(String.format("Filtered node %s of left size %d, right size %d", left.label,
                    left.descendantSize, right.descendantSize));
        }
    }

    static String usage() {
        return String.join(System.lineSeparator(),
                "usage: java -cp <classPath> org.apache.zookeeper.server.SnapshotComparer",
                " -b,--bytes <BYTETHRESHOLD>   (Required) The node data delta size threshold, in bytes, for printing"
                        + " the node.",
                " -d,--debug                   Use debug output.",
                " -i,--interactive             Enter interactive mode.",
                " -l,--left <LEFT>             (Required) The left snapshot file.",
                " -n,--nodes <NODETHRESHOLD>   (Required) The descendant node delta size threshold, in nodes, for"
                        + " printing the node.",
                " -r,--right <RIGHT>           (Required) The right snapshot file.");
    }
}
