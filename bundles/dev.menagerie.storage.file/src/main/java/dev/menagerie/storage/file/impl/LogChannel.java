package dev.menagerie.storage.file.impl;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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

    /**
     * Creates files and changes directory entries. A created file, or a rename, is durable only once its directory
     * is synced: a power cut may undo either before that ({@link PowerLossDisk} does).
     */
    @FunctionalInterface
    interface Opener {

        /** Opens a new, not yet existing file for writing. */
        LogChannel create(Path file) throws IOException;

        /** Renames {@code from} over {@code to} atomically; durable after {@link #syncDirectory} of their parent. */
        default void move(Path from, Path to) throws IOException {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }

        /** Makes the creates and renames in {@code dir} so far durable (fsync of the directory). */
        default void syncDirectory(Path dir) throws IOException {
            StorageFiles.fsyncDirectory(dir);
        }
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
