package dev.menagerie.storage.file.impl;

import dev.menagerie.api.storage.SnapshotSource;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes {@code snapshot.<hex zxid>} uncompressed (Apache's default format), or {@code snapshot.<hex zxid>.gz} or
 * {@code .snappy} as Apache does with {@code snapshot.compression.method=gz} or {@code snappy} (the Adler32 seal
 * covers the uncompressed bytes): into a
 * {@code .tmp} file first, which loading ignores, then fsync, an atomic rename and a directory fsync, so a crash
 * never leaves a partial file under a snapshot name.
 */
final class SnapshotWriter {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotWriter.class);
    private static final int BUFFER_BYTES = 64 * 1024;

    private final Path snapDir;
    private final SnapshotCompression compression;
    private final LogChannel.Opener opener;

    SnapshotWriter(Path snapDir, SnapshotCompression compression, LogChannel.Opener opener) {
        this.snapDir = snapDir;
        this.compression = compression;
        this.opener = opener;
    }

    Path write(long zxid, SnapshotSource source) throws IOException {
        long startNs = System.nanoTime();
        Path target = snapDir.resolve(StorageFiles.snapshotName(zxid) + compression.suffix());
        Path temp = AtomicFiles.tempFor(target);
        long sizeBytes;
        Files.deleteIfExists(temp); // left by a crash
        try (LogChannel channel = opener.create(temp)) {
            ChannelOutput written = new ChannelOutput(channel);
            BufferedOutputStream file = new BufferedOutputStream(written, BUFFER_BYTES);
            OutputStream compressed = compression.compress(file);
            CheckedSnapshotOutput out = CheckedSnapshotOutput.withHeader(compressed);
            source.writeTo(out);
            out.flush();
            compression.finish(compressed);
            file.flush();
            channel.force();
            sizeBytes = written.position;
        } catch (Throwable t) {
            Files.deleteIfExists(temp);
            throw t;
        }
        AtomicFiles.moveIntoPlace(opener, temp, target);
        LOG.info("Wrote snapshot {} ({} bytes) in {} ms", target, sizeBytes,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNs));
        return target;
    }

    /** Removes temp files of snapshots a crash interrupted; they were never complete, or never renamed. */
    void deleteStaleTempFiles() throws IOException {
        for (Path temp : StorageFiles.snapshotTempFiles(snapDir)) {
            LOG.info("Deleting {}, left by an interrupted snapshot", temp);
            Files.deleteIfExists(temp);
        }
    }

    /** Appends everything written to the channel, counting the bytes. */
    private static final class ChannelOutput extends OutputStream {

        private final LogChannel channel;
        private long position;

        ChannelOutput(LogChannel channel) {
            this.channel = channel;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            channel.write(ByteBuffer.wrap(bytes, offset, length), position);
            position += length;
        }
    }
}
