package dev.menagerie.storage.file.impl;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Purge on demand, outside the server, as Apache's {@code PurgeTxnLog} (which {@code bin/zkCleanup.sh} runs):
 * {@code PurgeCli dataLogDir [snapDir] -n count} keeps the {@code count} newest snapshots (at least 3) and the
 * logs they need, and deletes older files. It only deletes files, so it is safe beside a running server.
 */
public final class PurgeCli {

    static final int EXIT_OK = 0;
    static final int EXIT_USAGE = 2;
    static final int EXIT_FAILED = 1;
    private static final String USAGE = "usage: PurgeCli dataLogDir [snapDir] -n count   (count >= "
            + Purger.MIN_RETAIN_COUNT + ")";

    private PurgeCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> dirs = new ArrayList<>();
        Integer count = null;
        for (int i = 0; i < args.length; i++) {
            if ("-n".equals(args[i]) && i + 1 < args.length) {
                count = parseCount(args[++i]);
            } else {
                dirs.add(args[i]);
            }
        }
        if (dirs.isEmpty() || dirs.size() > 2 || count == null || count < Purger.MIN_RETAIN_COUNT) {
            err.println(USAGE);
            return EXIT_USAGE;
        }
        Path logDir = versioned(Path.of(dirs.get(0)));
        Path snapDir = versioned(Path.of(dirs.size() == 2 ? dirs.get(1) : dirs.get(0)));
        if (!Files.isDirectory(logDir) || !Files.isDirectory(snapDir)) {
            err.println("no ZooKeeper data in " + logDir + (snapDir.equals(logDir) ? "" : " and " + snapDir));
            return EXIT_FAILED;
        }
        try {
            List<Path> deleted = new Purger(snapDir, logDir, count).purge();
            out.println("Kept the " + count + " newest snapshots and the logs they need; deleted "
                    + deleted.size() + " files");
            deleted.forEach(file -> out.println("  deleted " + file));
            return EXIT_OK;
        } catch (IOException e) {
            err.println("purge failed: " + e.getMessage());
            return EXIT_FAILED;
        }
    }

    /** Accepts a directory given with or without its {@code version-2} part, as Apache's tool does. */
    private static Path versioned(Path dir) {
        return dir.getFileName() != null && dir.getFileName().toString().equals("version-2")
                ? dir : dir.resolve("version-2");
    }

    private static Integer parseCount(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
