package dev.menagerie.storage.file.tool;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.zip.Adler32;

/** What the log tools share about a transaction log file: its header and its entries, read as Apache reads them. */
final class LogEntries {

    private LogEntries() {
    }

    /** The file header; {@link #describe} is the line Apache's tools print for it. */
    record Header(int magic, int version, long dbid) {
        static Header read(DataInputStream in) throws IOException {
            return new Header(in.readInt(), in.readInt(), in.readLong());
        }

        boolean isLog() {
            return magic == TxnLogToolkit.TXNLOG_MAGIC;
        }

        String describe() {
            return "ZooKeeper Transactional Log File with dbid " + dbid + " txnlog format version " + version;
        }

        void write(DataOutputStream out) throws IOException {
            out.writeInt(magic);
            out.writeInt(version);
            out.writeLong(dbid);
        }
    }

    /** One entry: the checksum stored before it and its bytes (the header and the transaction). */
    record Entry(long storedCrc, byte[] bytes) {
        boolean crcMatches() {
            return storedCrc == adler32(bytes);
        }
    }

    /**
     * The next entry, or null at the end of the file or where the preallocated zeros start (an empty entry), the
     * two ends Apache's tools accept. The end-of-record byte after it is left for the caller to check.
     */
    static Entry next(DataInputStream in) throws IOException {
        try {
            long crc = in.readLong();
            byte[] bytes = TxnText.readBuffer(in);
            return bytes == null || bytes.length == 0 ? null : new Entry(crc, bytes);
        } catch (EOFException end) {
            return null;
        }
    }

    /** The checksum Apache stores before each entry: Adler32 of the entry's bytes. */
    static long adler32(byte[] entry) {
        Adler32 checksum = new Adler32();
        checksum.update(entry, 0, entry.length);
        return checksum.getValue();
    }
}
