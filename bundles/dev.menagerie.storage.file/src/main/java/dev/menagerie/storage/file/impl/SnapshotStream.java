package dev.menagerie.storage.file.impl;

import dev.menagerie.api.storage.SnapshotSink;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A whole snapshot file arriving as a stream (the admin {@code restore} body), read as Apache's
 * {@code ZKDatabase.deserializeSnapshot(InputArchive, CheckedInputStream)} reads it: the file header, the body and
 * each seal checked against the Adler32 of everything before it. The file has no name, so compression is told by
 * its first bytes: uncompressed (what Apache takes), gz and snappy are read, as {@link SnapshotLoader} reads files
 * of each kind. Bytes after the last seal are refused; bytes after the end of a gz file's compressed data are
 * ignored, as gzip itself ignores them.
 */
final class SnapshotStream {

    private static final int BUFFER_BYTES = 64 * 1024;

    private SnapshotStream() {
    }

    static void read(InputStream stream, SnapshotSink sink) throws IOException {
        BufferedInputStream raw = new BufferedInputStream(stream, BUFFER_BYTES);
        raw.mark(SnapshotCompression.MAX_MAGIC_BYTES);
        SnapshotCompression compression = SnapshotCompression.ofFirstBytes(
                raw.readNBytes(SnapshotCompression.MAX_MAGIC_BYTES));
        raw.reset();
        BufferedInputStream plain = compression == SnapshotCompression.NONE ? raw
                : new BufferedInputStream(compression.decompress(raw), BUFFER_BYTES);
        CheckedSnapshotInput in = CheckedSnapshotInput.afterHeader(plain, "the stream");
        sink.readFrom(in);
        if (!in.atEnd()) {
            throw new IOException("the stream goes on after the snapshot's last seal");
        }
    }
}
