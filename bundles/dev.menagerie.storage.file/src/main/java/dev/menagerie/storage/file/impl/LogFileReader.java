package dev.menagerie.storage.file.impl;

import dev.menagerie.api.storage.LogEntry;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the entries of one log file in order and says why reading stopped: a clean end (end of file or the zeroed,
 * preallocated tail), a torn entry (cut short, as by a crash mid-write) or a corrupt one (complete, but its
 * checksum or content is wrong). The caller decides what a torn or corrupt entry means for that file.
 */
final class LogFileReader implements Closeable {

    enum Stop { NONE, END, TORN, CORRUPT }

    private static final int BUFFER_BYTES = 64 * 1024;

    private final ZxidFile file;
    private final DataInputStream in;
    private final long sizeBytes;
    private long goodOffset = LogFormat.HEADER_BYTES;
    private long lastZxid = -1;
    private Stop stop = Stop.NONE;
    private String stopReason = "";

    private LogFileReader(ZxidFile file, DataInputStream in, long sizeBytes) {
        this.file = file;
        this.in = in;
        this.sizeBytes = sizeBytes;
    }

    /**
     * Opens a log and checks its header. A file too short to hold a header is reported with
     * {@link ShortHeaderException}; a wrong magic or version is an ordinary IOException.
     */
    static LogFileReader open(ZxidFile file) throws IOException {
        long size = Files.size(file.path());
        if (size < LogFormat.HEADER_BYTES) {
            throw new ShortHeaderException(file.name() + " is " + size + " bytes, too short for a log header");
        }
        DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file.path()),
                BUFFER_BYTES));
        try {
            int magic = in.readInt();
            int version = in.readInt();
            in.readLong();
            if (magic != LogFormat.LOG_MAGIC || version != LogFormat.VERSION) {
                throw new IOException(file.name() + " is not a version 2 ZooKeeper transaction log (magic 0x"
                        + Integer.toHexString(magic) + ", version " + version + ")");
            }
            return new LogFileReader(file, in, size);
        } catch (IOException e) {
            in.close();
            throw e;
        }
    }

    /** The next entry, or null once reading stopped (see {@link #stop()}). */
    LogEntry next() throws IOException {
        if (stop != Stop.NONE) {
            return null;
        }
        try {
            return readEntry();
        } catch (EOFException e) {
            return stopped(Stop.TORN, "the entry is cut short by the end of the file");
        }
    }

    private LogEntry readEntry() throws IOException {
        if (goodOffset == sizeBytes) {
            return stopped(Stop.END, "end of file");
        }
        long checksum = in.readLong();
        int length = in.readInt();
        if (length == 0 && checksum == 0) {
            return stopped(Stop.END, "preallocated zero padding");
        }
        long remaining = sizeBytes - goodOffset - LogFormat.ENTRY_OVERHEAD_BYTES;
        if (length <= 0 || length > remaining) {
            return stopped(Stop.TORN, "the entry length " + length + " does not fit in the file");
        }
        byte[] txn = new byte[length];
        in.readFully(txn);
        if (in.readByte() != LogFormat.END_OF_RECORD) {
            return stopped(Stop.TORN, "the entry has no end-of-record marker");
        }
        if (LogFormat.checksum(txn) != checksum) {
            return stopped(Stop.CORRUPT, "checksum mismatch");
        }
        long zxid = LogFormat.zxidOf(txn);
        if (zxid < 0) {
            return stopped(Stop.CORRUPT, "the entry is too short to hold a transaction header");
        }
        goodOffset += LogFormat.ENTRY_OVERHEAD_BYTES + length;
        lastZxid = zxid;
        return new LogEntry(zxid, txn);
    }

    private LogEntry stopped(Stop why, String reason) {
        stop = why;
        stopReason = reason;
        return null;
    }

    ZxidFile file() {
        return file;
    }

    Stop stop() {
        return stop;
    }

    String stopReason() {
        return stopReason;
    }

    /** Where the last good entry ends (the header's end when there is none): the offset to truncate at. */
    long goodOffset() {
        return goodOffset;
    }

    long sizeBytes() {
        return sizeBytes;
    }

    /** The zxid of the last good entry read, -1 when none was. */
    long lastZxid() {
        return lastZxid;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** The file ends before its header does: a log created just before a crash. */
    static final class ShortHeaderException extends IOException {
        private static final long serialVersionUID = 1L;

        ShortHeaderException(String message) {
            super(message);
        }
    }
}
