package dev.menagerie.it.process;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the entry boundaries of a transaction log in Apache ZooKeeper's format, so a test can damage one entry on
 * purpose: a 16-byte file header, then per entry {@code long checksum, int length, byte[length] txn, byte 'B'},
 * then zero padding. The txn starts with {@code long clientId, int cxid, long zxid}.
 */
public final class TxnLogFile {

    private static final int FILE_HEADER_BYTES = 16;
    private static final int ENTRY_HEADER_BYTES = 12;
    private static final int ZXID_OFFSET_IN_TXN = 12;
    private static final int LOG_MAGIC = 0x5A4B4C47;

    /** One entry: where it starts, the length of its txn bytes, and its zxid. */
    public record Entry(long offset, int txnLength, long zxid) {
        public long txnOffset() {
            return offset + ENTRY_HEADER_BYTES;
        }
    }

    private TxnLogFile() {
    }

    /** The log file with the highest starting zxid in {@code dataDir/version-2}. */
    public static Path newest(Path dataDir) throws IOException {
        try (Stream<Path> files = Files.list(dataDir.resolve("version-2"))) {
            return files.filter(f -> f.getFileName().toString().startsWith("log."))
                    .max(Comparator.comparingLong(TxnLogFile::startZxid))
                    .orElseThrow(() -> new IOException("no log file in " + dataDir));
        }
    }

    private static long startZxid(Path log) {
        return Long.parseUnsignedLong(log.getFileName().toString().substring("log.".length()), 16);
    }

    /** The complete entries, in order, up to the padding or the first incomplete one. */
    public static List<Entry> entries(Path log) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(log));
        if (bytes.remaining() < FILE_HEADER_BYTES || bytes.getInt(0) != LOG_MAGIC) {
            throw new IOException(log + " is not a transaction log");
        }
        List<Entry> entries = new ArrayList<>();
        int offset = FILE_HEADER_BYTES;
        while (offset + ENTRY_HEADER_BYTES <= bytes.limit()) {
            int length = bytes.getInt(offset + 8);
            int end = offset + ENTRY_HEADER_BYTES + length + 1;
            if (length <= ZXID_OFFSET_IN_TXN + 8 || end > bytes.limit()) {
                break;
            }
            long zxid = bytes.getLong(offset + ENTRY_HEADER_BYTES + ZXID_OFFSET_IN_TXN);
            entries.add(new Entry(offset, length, zxid));
            offset = end;
        }
        return entries;
    }

    /** Inverts one byte in the middle of the entry's txn bytes, so its checksum no longer matches. */
    public static void flipByteInside(Path log, Entry entry) throws IOException {
        long position = entry.txnOffset() + entry.txnLength() / 2;
        try (FileChannel channel = FileChannel.open(log, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, position);
            one.flip();
            byte flipped = (byte) ~one.get();
            channel.write(ByteBuffer.wrap(new byte[] {flipped}), position);
            channel.force(true);
        }
    }

    /** Cuts the file in the middle of the entry's txn bytes: a write torn by a crash. */
    public static void truncateInside(Path log, Entry entry) throws IOException {
        try (FileChannel channel = FileChannel.open(log, StandardOpenOption.WRITE)) {
            channel.truncate(entry.txnOffset() + entry.txnLength() / 2);
            channel.force(true);
        }
    }
}
