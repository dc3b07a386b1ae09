package dev.menagerie.storage.file.impl;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

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

    static void write(LogChannel.Opener opener, Path target, byte[] content) throws IOException {
        Path temp = tempFor(target);
        Files.deleteIfExists(temp); // left by a crash
        try (LogChannel channel = opener.create(temp)) {
            channel.write(ByteBuffer.wrap(content), 0);
            channel.force();
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        moveIntoPlace(opener, temp, target);
    }

    static void moveIntoPlace(LogChannel.Opener opener, Path temp, Path target) throws IOException {
        opener.move(temp, target);
        opener.syncDirectory(target.getParent());
    }
}
