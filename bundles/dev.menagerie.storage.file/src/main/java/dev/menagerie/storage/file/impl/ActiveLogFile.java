package dev.menagerie.storage.file.impl;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The log file being appended to. It is grown ahead of the writes in steps of the preallocation size, as Apache's
 * FilePadding does (one zero byte written at the new end; the gap reads as zeros, which readers take as the end),
 * so that most appends do not change the file's size.
 */
public final class ActiveLogFile implements Closeable {

    /** Apache grows the file once the write position comes within this distance of its end. */
    static final long GROW_MARGIN_BYTES = 4096;
    private static final byte[] ZERO = {0};

    private final Path path;
    private final LogChannel channel;
    private final long preAllocBytes;
    private long goodEnd;
    private long allocatedBytes;

    private ActiveLogFile(Path path, LogChannel channel, long preAllocBytes) {
        this.path = path;
        this.channel = channel;
        this.preAllocBytes = preAllocBytes;
    }

    /** Creates {@code log.<hex firstZxid>} with its header; the header becomes durable with the first force. */
    static ActiveLogFile create(LogChannel.Opener opener, Path logDir, long firstZxid, long preAllocBytes)
            throws IOException {
        Path path = logDir.resolve(StorageFiles.logName(firstZxid));
        LogChannel channel = opener.create(path);
        ActiveLogFile file = new ActiveLogFile(path, channel, preAllocBytes);
        try {
            ByteBuffer header = ByteBuffer.allocate(LogFormat.HEADER_BYTES);
            LogFormat.putHeader(header, LogFormat.LOG_MAGIC, LogFormat.LOG_DBID);
            channel.write(header.flip(), 0);
            file.goodEnd = LogFormat.HEADER_BYTES;
            file.allocatedBytes = LogFormat.HEADER_BYTES;
            opener.syncDirectory(logDir); // else a power cut may take the file, and what is acknowledged in it
            return file;
        } catch (IOException | RuntimeException e) {
            file.discard();
            throw e;
        }
    }

    /** Writes entries after the last good one, growing the file first; {@link #markGood} once they are durable. */
    long write(ByteBuffer entries) throws IOException {
        long end = goodEnd + entries.remaining();
        grow(end);
        channel.write(entries, goodEnd);
        return end;
    }

    void force() throws IOException {
        channel.force();
    }

    void markGood(long end) {
        goodEnd = end;
    }

    /** Removes whatever a failed write left after the last good entry. */
    void rollBack() throws IOException {
        channel.truncate(goodEnd);
        allocatedBytes = goodEnd;
        channel.force();
    }

    boolean hasEntries() {
        return goodEnd > LogFormat.HEADER_BYTES;
    }

    long goodEnd() {
        return goodEnd;
    }

    long allocatedBytes() {
        return allocatedBytes;
    }

    Path path() {
        return path;
    }

    /** Closes and deletes the file (it holds no entry worth keeping). */
    void discard() throws IOException {
        try {
            channel.close();
        } finally {
            Files.deleteIfExists(path);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private void grow(long end) throws IOException {
        if (preAllocBytes <= 0) {
            return;
        }
        long size = paddedSize(goodEnd, allocatedBytes, preAllocBytes);
        while (end + GROW_MARGIN_BYTES >= size) {
            size = paddedSize(end, size, preAllocBytes);
        }
        if (size != allocatedBytes) {
            channel.write(ByteBuffer.wrap(ZERO), size - 1);
            allocatedBytes = size;
        }
    }

    /**
     * Apache's FilePadding rule: when {@code position} is within the margin of {@code sizeBytes}, grow by one step
     * (or, if already past the end, to the step boundary above position plus one step).
     */
    public static long paddedSize(long position, long sizeBytes, long preAllocBytes) {
        if (preAllocBytes <= 0 || position + GROW_MARGIN_BYTES < sizeBytes) {
            return sizeBytes;
        }
        if (position > sizeBytes) {
            long size = position + preAllocBytes;
            return size - size % preAllocBytes;
        }
        return sizeBytes + preAllocBytes;
    }
}
