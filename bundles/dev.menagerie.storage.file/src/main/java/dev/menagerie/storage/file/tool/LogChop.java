package dev.menagerie.storage.file.tool;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;

/**
 * The chop mode of {@code zkTxnLogToolkit.sh} ({@code -c -z <zxid>}), as Apache's {@code LogChopper}: copies the
 * header and every entry up to and including {@code zxid} to {@code <log>.chopped<zxid in decimal>}, reporting gaps
 * in the zxids on the way. As in Apache, every failure is printed as {@code Got exception: <reason>} on the standard
 * output and the exit code stays 0.
 */
final class LogChop {

    private static final int ZXID_OFFSET = 12;

    private LogChop() {
    }

    static int chop(File log, long zxid, PrintStream out, PrintStream err) {
        File target = new File(log.getParentFile(), log.getName() + ".chopped" + zxid);
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(log.toPath())));
                DataOutputStream chopped = new DataOutputStream(
                        new BufferedOutputStream(Files.newOutputStream(target.toPath())))) {
            if (!copyUpTo(in, chopped, zxid, out, err)) {
                throw new IOException("Failed to chop " + log.getName());
            }
        } catch (IOException e) {
            out.println("Got exception: " + e.getMessage());
        }
        return TxnLogToolkit.FINISHED;
    }

    private static boolean copyUpTo(DataInputStream in, DataOutputStream chopped, long zxid, PrintStream out,
            PrintStream err) throws IOException {
        LogEntries.Header header = LogEntries.Header.read(in);
        if (!header.isLog()) {
            err.println("Invalid magic number in txn log file");
            return false;
        }
        out.println(header.describe());
        header.write(chopped);
        int count = 0;
        boolean found = false;
        long previous = -1;
        while (true) {
            LogEntries.Entry next = LogEntries.next(in);
            if (next == null) {
                out.println("EOF reached after " + count + " txns.");
                return false;
            }
            byte[] entry = next.bytes();
            long actual = LogEntries.adler32(entry);
            if (next.storedCrc() != actual) {
                throw new IOException("CRC doesn't match " + next.storedCrc() + " vs " + actual);
            }
            if (entry.length < ZXID_OFFSET + Long.BYTES) {
                throw new EOFException("the entry is shorter than a transaction header");
            }
            long entryZxid = new DataInputStream(new ByteArrayInputStream(entry, ZXID_OFFSET, Long.BYTES)).readLong();
            if (in.readByte() != 'B') {
                out.println("Last transaction was partial.");
                throw new EOFException("Last transaction was partial.");
            }
            found |= entryZxid == zxid;
            reportGap(previous, entryZxid, out);
            previous = entryZxid;
            if (entryZxid > zxid) {
                if (count == 0 || !found) {
                    out.println(String.format("This log does not contain zxid %x", zxid));
                    return false;
                }
                out.println(String.format("Chopping at %x new log has %d records", zxid, count));
                return true;
            }
            chopped.writeLong(next.storedCrc());
            chopped.writeInt(entry.length);
            chopped.write(entry);
            chopped.writeByte('B');
            count++;
        }
    }

    /** Apache logs a gap within an epoch, and a new epoch that does not start at counter 1. */
    private static void reportGap(long previous, long zxid, PrintStream out) {
        if (previous == -1 || zxid == previous + 1) {
            return;
        }
        if (zxid >>> 32 == previous >>> 32) {
            out.println(String.format("There is intra-epoch gap between %x and %x", previous, zxid));
        } else if ((zxid & 0xffffffffL) != 1) {
            out.println(String.format("There is inter-epoch gap between %x and %x", previous, zxid));
        }
    }
}
