package dev.menagerie.storage.file.impl;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Replaces a file so that a crash leaves either the old or the new content, never a mix: write
 * {@code <name>.tmp}, fsync it, rename it over the target, fsync the directory (Apache's AtomicFileOutputStream,
 * plus the directory fsync that makes the rename itself durable).
 */
final class AtomicFiles {

    private AtomicFiles() {
    }

    static Path tempFor(Path target) {
        return target.resolveSibling(target.getFileName() + StorageFiles.TEMP_SUFFIX);
    }

    static void write(Path target, byte[] content) throws IOException {
        Path temp = tempFor(target);
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        moveIntoPlace(temp, target);
    }

    static void moveIntoPlace(Path temp, Path target) throws IOException {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        StorageFiles.fsyncDirectory(target.getParent());
    }
}
