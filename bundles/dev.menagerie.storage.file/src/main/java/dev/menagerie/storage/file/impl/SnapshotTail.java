package dev.menagerie.storage.file.impl;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;

/**
 * Apache's cheap "is this snapshot complete?" test ({@code SnapStream.isValidSnapshot}): an uncompressed snapshot
 * must end with the jute string "/" of a seal (int 1, then '/'); a compressed one must start with its format's
 * magic. It does not prove the content is intact (loading checks the seals), but it skips snapshots cut short by a
 * crash, and autopurge only counts snapshots that pass it.
 */
final class SnapshotTail {

    private static final int MIN_UNCOMPRESSED_BYTES = 10;

    private SnapshotTail() {
    }

    static boolean looksComplete(ZxidFile snapshot) throws IOException {
        SnapshotCompression compression = SnapshotCompression.ofFile(snapshot.path());
        if (compression != SnapshotCompression.NONE) {
            try (InputStream in = Files.newInputStream(snapshot.path())) {
                return compression.startsTheFile(in.readNBytes(compression.magicBytes()));
            }
        }
        return endsWithSealPath(snapshot);
    }

    private static boolean endsWithSealPath(ZxidFile snapshot) throws IOException {
        try (FileChannel channel = FileChannel.open(snapshot.path(), StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < MIN_UNCOMPRESSED_BYTES) {
                return false;
            }
            ByteBuffer tail = ByteBuffer.allocate(5);
            while (tail.hasRemaining()) {
                if (channel.read(tail, size - 5 + tail.position()) < 0) {
                    return false;
                }
            }
            tail.flip();
            return tail.getInt() == 1 && tail.get() == '/';
        }
    }
}
