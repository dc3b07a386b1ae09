package dev.menagerie.storage.file.impl;

import dev.menagerie.api.storage.SnapshotSink;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the newest snapshot that reads completely, newest first, as Apache's {@code FileSnap.deserialize}: files
 * that fail the tail test are skipped, and so is each one whose header, seals or content fail while the sink reads
 * it (one WARN each). Up to {@value #MAX_CANDIDATES} candidates are tried, as Apache does. Uncompressed,
 * {@code .gz} and {@code .snappy} snapshots load, whatever {@code snapshot.compression.method} says now.
 */
final class SnapshotLoader {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotLoader.class);
    static final int MAX_CANDIDATES = 100;
    private static final int BUFFER_BYTES = 64 * 1024;

    private final Path snapDir;

    SnapshotLoader(Path snapDir) {
        this.snapDir = snapDir;
    }

    OptionalLong loadNewest(SnapshotSink sink) throws IOException {
        List<ZxidFile> snapshots = StorageFiles.snapshotsNewestFirst(snapDir);
        if (snapshots.isEmpty()) {
            return OptionalLong.empty();
        }
        int tried = 0;
        for (ZxidFile snapshot : snapshots) {
            if (tried == MAX_CANDIDATES) {
                break;
            }
            if (!SnapshotTail.looksComplete(snapshot)) {
                LOG.warn("Skipping snapshot {}: it is incomplete (it does not end with a seal)", snapshot.path());
                continue;
            }
            tried++;
            if (tryLoad(snapshot, sink)) {
                return OptionalLong.of(snapshot.zxid());
            }
        }
        throw new IOException("None of the " + snapshots.size() + " snapshots in " + snapDir + " could be loaded"
                + " (see the warnings above); refusing to start from an empty database while snapshots exist");
    }

    private boolean tryLoad(ZxidFile snapshot, SnapshotSink sink) {
        LOG.info("Loading snapshot {}", snapshot.path());
        ProgressLog progress = new ProgressLog("Loading " + snapshot.name(), sizeOf(snapshot.path()));
        try (CheckedSnapshotInput in = CheckedSnapshotInput.afterHeader(open(snapshot.path(), progress),
                snapshot.name())) {
            sink.readFrom(in);
            LOG.info("Loaded snapshot {} in {} ms", snapshot.path(), progress.elapsedMs());
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.warn("Skipping snapshot {}: {}", snapshot.path(), e.toString());
            LOG.debug("Snapshot {} failed to load", snapshot.path(), e);
            return false;
        }
    }

    private static BufferedInputStream open(Path file, ProgressLog progress) throws IOException {
        InputStream raw = new CountingInputStream(Files.newInputStream(file), progress);
        try {
            raw = SnapshotCompression.ofFile(file).decompress(raw);
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
        return new BufferedInputStream(raw, BUFFER_BYTES);
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    /** Feeds the bytes read from disk to the progress log. */
    private static final class CountingInputStream extends FilterInputStream {

        private final ProgressLog progress;

        CountingInputStream(InputStream in, ProgressLog progress) {
            super(in);
            this.progress = progress;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                progress.advance(1, 0);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                progress.advance(n, 0);
            }
            return n;
        }
    }
}
