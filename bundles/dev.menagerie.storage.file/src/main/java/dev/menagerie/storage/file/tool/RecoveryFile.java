package dev.menagerie.storage.file.tool;

import dev.menagerie.storage.file.impl.ActiveLogFile;
import java.io.Closeable;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;

/**
 * The {@code <log>.fixed} file of the recovery mode, written as Apache's {@code TxnLogToolkit} writes it: the
 * header, then each entry, the file preallocated before each one by Apache's default step of 64 MiB (its
 * {@code FilePadding}), so that it is byte for byte the file Apache's tool writes.
 */
final class RecoveryFile implements Closeable {

    static final long PREALLOC_BYTES = 64L * 1024 * 1024;

    private final FileChannel channel;
    private final DataOutputStream out;
    private long allocatedBytes;

    RecoveryFile(File file) throws IOException {
        channel = FileChannel.open(file.toPath(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        out = new DataOutputStream(Channels.newOutputStream(channel));
    }

    void header(LogEntries.Header header) throws IOException {
        header.write(out);
        allocatedBytes = channel.position();
    }

    void append(long crc, byte[] entry) throws IOException {
        long size = ActiveLogFile.paddedSize(channel.position(), allocatedBytes, PREALLOC_BYTES);
        if (size != allocatedBytes) {
            channel.write(ByteBuffer.wrap(new byte[1]), size - 1);
            allocatedBytes = size;
        }
        out.writeLong(crc);
        out.writeInt(entry.length);
        out.write(entry);
        out.writeByte('B');
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
