package dev.menagerie.storage.file.impl;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The few file operations the storage needs to write its files (logs, snapshots, epoch files). It is a seam: tests
 * open channels that fail like a full disk, or that lose unforced writes like a power cut ({@link PowerLossDisk}),
 * which no real file system here can be made to do on demand.
 */
interface LogChannel extends Closeable {

    void write(ByteBuffer source, long position) throws IOException;

    /** Makes written data durable (fdatasync: file data and the size, not other metadata). */
    void force() throws IOException;

    void truncate(long sizeBytes) throws IOException;

    /** Opens a new, not yet existing file for writing. */
    @FunctionalInterface
    interface Opener {
        LogChannel create(Path file) throws IOException;
    }

    Opener FILES = FileLogChannel::create;

    /** The real thing: a FileChannel. */
    final class FileLogChannel implements LogChannel {

        private final FileChannel channel;

        private FileLogChannel(FileChannel channel) {
            this.channel = channel;
        }

        static LogChannel create(Path file) throws IOException {
            return new FileLogChannel(FileChannel.open(file, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE));
        }

        @Override
        public void write(ByteBuffer source, long position) throws IOException {
            long at = position;
            while (source.hasRemaining()) {
                at += channel.write(source, at);
            }
        }

        @Override
        public void force() throws IOException {
            channel.force(false);
        }

        @Override
        public void truncate(long sizeBytes) throws IOException {
            channel.truncate(sizeBytes);
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
