package dev.menagerie.storage.file.impl;

import dev.menagerie.api.storage.StorageSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.xerial.snappy.Snappy;
import org.xerial.snappy.SnappyInputStream;
import org.xerial.snappy.SnappyOutputStream;

/**
 * Apache ZooKeeper's snapshot compression ({@code snapshot.compression.method}): none, gzip or snappy, each with its
 * file suffix; the Adler32 seal always covers the uncompressed bytes. Snappy is snappy-java's stream format (a magic
 * header, then length-prefixed compressed blocks), as Apache writes it; its codec is native, so a platform where the
 * native library cannot load gets an IOException that says so.
 */
enum SnapshotCompression {
    NONE(StorageSettings.UNCOMPRESSED, "", new byte[0]),
    GZIP(StorageSettings.GZIP, StorageFiles.GZIP_SUFFIX, new byte[] {0x1f, (byte) 0x8b}),
    SNAPPY(StorageSettings.SNAPPY, StorageFiles.SNAPPY_SUFFIX, new byte[] {(byte) 0x82, 'S', 'N', 'A', 'P', 'P', 'Y', 0});

    /** The most first bytes {@link #ofFirstBytes} needs. */
    static final int MAX_MAGIC_BYTES = 8;
    private static final int BUFFER_BYTES = 64 * 1024;

    private final String method;
    private final String suffix;
    /** What a file of this compression starts with; nothing for an uncompressed one. */
    private final byte[] magic;

    SnapshotCompression(String method, String suffix, byte[] magic) {
        this.method = method;
        this.suffix = suffix;
        this.magic = magic;
    }

    /** The compression zoo.cfg's {@code snapshot.compression.method} names. */
    static SnapshotCompression of(String method) {
        for (SnapshotCompression compression : values()) {
            if (compression.method.equals(method)) {
                return compression;
            }
        }
        throw new IllegalArgumentException("unknown snapshot compression method: " + method);
    }

    /** The compression a snapshot file was written with, by its suffix. */
    static SnapshotCompression ofFile(Path snapshot) {
        if (StorageFiles.isGzip(snapshot)) {
            return GZIP;
        }
        return StorageFiles.isSnappy(snapshot) ? SNAPPY : NONE;
    }

    /** The compression whose magic {@code head} (a file's first bytes) starts with; NONE when none does. */
    static SnapshotCompression ofFirstBytes(byte[] head) {
        for (SnapshotCompression compression : values()) {
            if (compression != NONE && compression.startsTheFile(head)) {
                return compression;
            }
        }
        return NONE;
    }

    /** Whether {@code head} (a file's first bytes) starts with this compression's magic. */
    boolean startsTheFile(byte[] head) {
        return head.length >= magic.length && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
    }

    int magicBytes() {
        return magic.length;
    }

    String suffix() {
        return suffix;
    }

    /**
     * Fails with the reason when this compression cannot work here (the snappy native library does not load), so
     * that a server configured for it refuses to start rather than fail at its first snapshot.
     */
    void checkAvailable() throws IOException {
        if (this == SNAPPY) {
            try {
                Snappy.maxCompressedLength(1);
            } catch (LinkageError | RuntimeException e) {
                throw unavailable(e);
            }
        }
    }

    /** Wraps {@code out}; {@link #finish} must be called before the file is forced. */
    OutputStream compress(OutputStream out) throws IOException {
        return switch (this) {
            case NONE -> out;
            case GZIP -> new GZIPOutputStream(out, BUFFER_BYTES);
            case SNAPPY -> {
                checkAvailable();
                yield new SnappyOutputStream(out);
            }
        };
    }

    /** Writes what the compressor still holds into the stream under it. */
    void finish(OutputStream compressed) throws IOException {
        if (compressed instanceof GZIPOutputStream gzip) {
            gzip.finish();
        } else {
            compressed.flush();
        }
    }

    InputStream decompress(InputStream in) throws IOException {
        return switch (this) {
            case NONE -> in;
            case GZIP -> new GZIPInputStream(in, BUFFER_BYTES);
            case SNAPPY -> {
                checkAvailable();
                yield new SnappyInputStream(in);
            }
        };
    }

    private static IOException unavailable(Throwable cause) {
        return new IOException("snappy snapshots need snappy-java's native library, which does not load on this"
                + " platform (" + cause + "); use snapshot.compression.method=gz or none", cause);
    }
}
