package dev.menagerie.storage.file.impl;

import dev.menagerie.api.storage.LogCursor;
import dev.menagerie.api.storage.LogEntry;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads entries with zxid at least {@code fromZxid} across log files in order. The last file may end in a torn or
 * corrupt entry (it is being written, or a crash cut it; opening the storage truncates such a tail): that is its
 * end. An older file may end in a torn entry, as Apache ZooKeeper leaves a crashed log behind and starts a new one
 * (Apache reads on into the next file too); but a complete entry with a wrong checksum in an older file means
 * acknowledged transactions are damaged, and reading fails instead of silently skipping them, as Apache refuses.
 */
final class LogFileCursor implements LogCursor {

    private static final Logger LOG = LoggerFactory.getLogger(LogFileCursor.class);

    private final Deque<ZxidFile> files;
    private final long fromZxid;
    private final ProgressLog progress;
    private LogFileReader reader;
    private long readerReportedBytes;

    LogFileCursor(List<ZxidFile> files, long fromZxid, long totalBytes) {
        this.files = new ArrayDeque<>(files);
        this.fromZxid = fromZxid;
        this.progress = new ProgressLog("Reading transaction logs from " + LogFormat.hex(fromZxid), totalBytes);
    }

    @Override
    public LogEntry next() throws IOException {
        while (true) {
            if (reader == null && !openNextFile()) {
                return null;
            }
            LogEntry entry = reader.next();
            reportProgress(entry);
            if (entry == null) {
                finishFile();
            } else if (entry.zxid() >= fromZxid) {
                return entry;
            }
        }
    }

    private boolean openNextFile() throws IOException {
        ZxidFile file = files.pollFirst();
        if (file == null) {
            return false;
        }
        try {
            reader = LogFileReader.open(file);
        } catch (LogFileReader.ShortHeaderException e) {
            if (!files.isEmpty()) {
                throw new IOException("Transaction log " + file.path() + " is damaged: " + e.getMessage()
                        + ", and later logs exist; refusing to skip it");
            }
            return false;
        }
        readerReportedBytes = 0;
        return true;
    }

    private void reportProgress(LogEntry entry) {
        long offset = reader.goodOffset();
        progress.advance(offset - readerReportedBytes, entry == null ? 0 : 1);
        readerReportedBytes = offset;
    }

    private void finishFile() throws IOException {
        LogFileReader done = reader;
        reader = null;
        done.close();
        boolean last = files.isEmpty();
        if (last || done.stop() == LogFileReader.Stop.END) {
            return;
        }
        String where = done.file().path() + " at offset " + done.goodOffset() + " (after zxid "
                + LogFormat.hex(done.lastZxid()) + ")";
        if (done.stop() == LogFileReader.Stop.CORRUPT) {
            throw new IOException("Transaction log " + where + " is corrupt: " + done.stopReason()
                    + ". Later logs exist, so acknowledged transactions would be lost; refusing to continue."
                    + " Restore the file, or remove this server's data and let it resync from the ensemble.");
        }
        LOG.warn("Transaction log {} ends with a partial entry ({}); continuing with the next log, as Apache"
                + " ZooKeeper does after a crash", where, done.stopReason());
    }

    @Override
    public void close() throws IOException {
        if (reader != null) {
            reader.close();
            reader = null;
        }
        files.clear();
    }
}
