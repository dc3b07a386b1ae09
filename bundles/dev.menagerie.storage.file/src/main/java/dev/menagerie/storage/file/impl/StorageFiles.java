package dev.menagerie.storage.file.impl;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Names and listings of the files Apache ZooKeeper keeps in {@code version-2}: {@code log.<hex zxid>} and
 * {@code snapshot.<hex zxid>} (optionally {@code .gz} or {@code .snappy}). Names are matched exactly: Apache
 * accepts any suffix after the zxid, but then a leftover {@code snapshot.1f.tmp} or {@code log.5.bak} would be
 * taken for real data.
 */
final class StorageFiles {

    static final String VERSION_DIR = "version-2";
    static final String LOG_PREFIX = "log.";
    static final String SNAPSHOT_PREFIX = "snapshot.";
    static final String GZIP_SUFFIX = ".gz";
    static final String SNAPPY_SUFFIX = ".snappy";
    static final String TEMP_SUFFIX = ".tmp";

    private static final Pattern LOG_NAME = Pattern.compile("log\\.([0-9a-fA-F]{1,16})");
    private static final Pattern SNAPSHOT_NAME = Pattern.compile("snapshot\\.([0-9a-fA-F]{1,16})(\\.gz|\\.snappy)?");

    private StorageFiles() {
    }

    static String logName(long zxid) {
        return LOG_PREFIX + Long.toHexString(zxid);
    }

    static String snapshotName(long zxid) {
        return SNAPSHOT_PREFIX + Long.toHexString(zxid);
    }

    /** Log files in ascending zxid order. */
    static List<ZxidFile> logs(Path logDir) throws IOException {
        return list(logDir, LOG_NAME, Comparator.comparingLong(ZxidFile::zxid));
    }

    /** Snapshot files, newest (highest zxid) first. */
    static List<ZxidFile> snapshotsNewestFirst(Path snapDir) throws IOException {
        return list(snapDir, SNAPSHOT_NAME, Comparator.comparingLong(ZxidFile::zxid).reversed());
    }

    /** Snapshot temp files left by an interrupted snapshot (ours or Apache's AtomicFileOutputStream). */
    static List<Path> snapshotTempFiles(Path snapDir) throws IOException {
        try (Stream<Path> files = Files.list(snapDir)) {
            return files.filter(p -> {
                String name = p.getFileName().toString();
                return name.startsWith(SNAPSHOT_PREFIX) && name.endsWith(TEMP_SUFFIX);
            }).toList();
        }
    }

    /**
     * As Apache's {@code FileTxnLog.getLogFiles}: the newest log starting at or before {@code zxid} (it may hold
     * that zxid) and every later log, ascending.
     */
    static List<ZxidFile> logsFrom(List<ZxidFile> ascending, long zxid) {
        long start = 0;
        for (ZxidFile log : ascending) {
            if (log.zxid() > zxid) {
                break;
            }
            start = log.zxid();
        }
        List<ZxidFile> result = new ArrayList<>();
        for (ZxidFile log : ascending) {
            if (log.zxid() >= start) {
                result.add(log);
            }
        }
        return result;
    }

    static boolean isGzip(Path snapshot) {
        return snapshot.getFileName().toString().endsWith(GZIP_SUFFIX);
    }

    static boolean isSnappy(Path snapshot) {
        return snapshot.getFileName().toString().endsWith(SNAPPY_SUFFIX);
    }

    /** Makes a create, rename or delete in {@code dir} durable (the file's own fsync does not cover its name). */
    static void fsyncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (UnsupportedOperationException | SecurityException e) {
            // Some platforms cannot open a directory; the rename is then as durable as that platform makes it.
        }
    }

    private static List<ZxidFile> list(Path dir, Pattern pattern, Comparator<ZxidFile> order) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> parse(p, pattern)).filter(f -> f != null).sorted(order).toList();
        }
    }

    private static ZxidFile parse(Path file, Pattern pattern) {
        Matcher m = pattern.matcher(file.getFileName().toString());
        if (!m.matches() || !Files.isRegularFile(file)) {
            return null;
        }
        return new ZxidFile(Long.parseUnsignedLong(m.group(1), 16), file);
    }
}
