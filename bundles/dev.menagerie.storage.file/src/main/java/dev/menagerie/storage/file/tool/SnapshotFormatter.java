package dev.menagerie.storage.file.tool;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.Set;

/**
 * {@code bin/zkSnapShotToolkit.sh}: prints a snapshot file with the options and in the format of Apache ZooKeeper
 * 3.9.5's {@code SnapshotFormatter} ({@code [-d|-json] snapshot_file}): every znode depth first with its stat and
 * data length (or Base64 data with {@code -d}), the sessions, and the last zxid; or, with {@code -json}, the tree in
 * the ncdu JSON export format.
 */
public final class SnapshotFormatter {

    /** Apache's {@code ExitCode.INVALID_INVOCATION}. */
    static final int INVALID_INVOCATION = 2;
    static final int FAILED = 1;

    private final PrintStream out;
    /** ncdu wants a unique inode per entry; Apache counts from 1000. */
    private int inode = 1000;

    SnapshotFormatter(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the tool; returns the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        String file = null;
        boolean dumpData = false;
        boolean dumpJson = false;
        int i = 0;
        for (; i < args.length; i++) {
            if (args[i].equals("-d")) {
                dumpData = true;
            } else if (args[i].equals("-json")) {
                dumpJson = true;
            } else {
                file = args[i++];
                break;
            }
        }
        if (i != args.length || file == null) {
            err.println("USAGE: SnapshotFormatter [-d|-json] snapshot_file");
            err.println("       -d dump the data for each znode");
            err.println("       -json dump znode info in json format");
            return INVALID_INVOCATION;
        }
        String problem = ToolFiles.problem(file);
        if (problem != null) {
            err.println(problem);
            return INVALID_INVOCATION;
        }
        if (dumpData && dumpJson) {
            err.println("Cannot specify both data dump (-d) and json mode (-json) in same call");
            return INVALID_INVOCATION;
        }
        try {
            SnapshotContents contents = SnapshotContents.read(Path.of(file));
            SnapshotFormatter formatter = new SnapshotFormatter(out);
            if (dumpJson) {
                formatter.printJson(contents, System.currentTimeMillis());
            } else {
                formatter.printDetails(contents, dumpData, ToolFiles.zxidOfName(new File(file).getName()));
            }
            out.flush();
            return 0;
        } catch (IOException e) {
            err.println("Cannot read " + file + ": " + e.getMessage());
            return FAILED;
        }
    }

    void printDetails(SnapshotContents contents, boolean dumpData, long fileNameZxid) {
        out.println(String.format("ZNode Details (count=%d):", contents.nodeCount()));
        long treeZxid = printNode(contents, "/", dumpData);
        out.println("----");
        out.println("Session Details (sid, timeout, ephemeralCount):");
        for (Map.Entry<Long, Integer> session : contents.sessions().entrySet()) {
            long id = session.getKey();
            out.println(String.format("%#016x, %d, %d", id, session.getValue(), contents.ephemeralCount(id)));
        }
        out.println(String.format("----%nLast zxid: 0x%s", Long.toHexString(Math.max(fileNameZxid, treeZxid))));
    }

    /** Prints a node and its subtree; returns the highest mzxid or pzxid in it. */
    private long printNode(SnapshotContents contents, String path, boolean dumpData) {
        out.println("----");
        SnapshotContents.Node node = contents.node(path);
        out.println(path);
        hex("cZxid", node.czxid);
        out.println("  ctime = " + new Date(node.ctime));
        hex("mZxid", node.mzxid);
        out.println("  mtime = " + new Date(node.mtime));
        hex("pZxid", node.pzxid);
        out.println("  cversion = " + node.cversion);
        out.println("  dataVersion = " + node.version);
        out.println("  aclVersion = " + node.aversion);
        hex("ephemeralOwner", node.ephemeralOwner);
        if (dumpData) {
            out.println("  data = " + (node.data == null ? "" : Base64.getEncoder().encodeToString(node.data)));
        } else {
            out.println("  dataLength = " + node.dataLength());
        }
        long zxid = Math.max(node.mzxid, node.pzxid);
        if (node.children != null) {
            for (String child : node.children) {
                zxid = Math.max(zxid, printNode(contents, childPath(path, child), dumpData));
            }
        }
        return zxid;
    }

    private void hex(String name, long value) {
        out.println(String.format("  %s = %#016x", name, value));
    }

    void printJson(SnapshotContents contents, long timestampMs) {
        out.printf("[1,0,{\"progname\":\"SnapshotFormatter.java\",\"progver\":\"0.01\",\"timestamp\":%d}",
                timestampMs);
        printNodeJson(contents, "/");
        out.print("]");
    }

    private void printNodeJson(SnapshotContents contents, String path) {
        SnapshotContents.Node node = contents.node(path);
        String name = path.equals("/") ? path : path.substring(path.lastIndexOf('/') + 1);
        out.print(",");
        String entry = "{\"name\":\"" + JsonText.quote(name) + "\",\"asize\":" + node.dataLength() + ",\"dsize\":"
                + node.dataLength() + ",\"dev\":0,\"ino\":" + (++inode) + "}";
        Set<String> children = node.children;
        if (children == null || children.isEmpty()) {
            out.print(entry);
            return;
        }
        out.print("[" + entry);
        for (String child : children) {
            printNodeJson(contents, childPath(path, child));
        }
        out.print("]");
    }

    static String childPath(String parent, String child) {
        return parent + (parent.equals("/") ? "" : "/") + child;
    }
}
