package dev.menagerie.storage.file.impl;

import java.nio.ByteBuffer;
import java.util.zip.Adler32;

/**
 * Apache ZooKeeper's transaction log and snapshot framing. A file starts with
 * {@code FileHeader{int magic; int version; long dbid}}; a log entry is {@code long adler32(txn); int length; txn;
 * byte 'B'}, where the checksum covers the txn bytes only.
 */
final class LogFormat {

    /** "ZKLG". */
    static final int LOG_MAGIC = 0x5A4B4C47;
    /** "ZKSN". */
    static final int SNAPSHOT_MAGIC = 0x5A4B534E;
    static final int VERSION = 2;
    /** Apache's FileTxnLog leaves its dbId field at 0. */
    static final long LOG_DBID = 0;
    /** Apache's FileSnap writes -1. */
    static final long SNAPSHOT_DBID = -1;
    static final int HEADER_BYTES = 16;

    static final byte END_OF_RECORD = 0x42;
    /** checksum, length and end-of-record marker around the txn bytes. */
    static final int ENTRY_OVERHEAD_BYTES = 8 + 4 + 1;
    /** A TxnHeader is {long clientId; int cxid; long zxid; long time; int type}: the zxid sits at offset 12. */
    static final int ZXID_OFFSET = 12;
    static final int TXN_HEADER_BYTES = 32;

    private LogFormat() {
    }

    static long checksum(byte[] txnBytes) {
        Adler32 adler = new Adler32();
        adler.update(txnBytes, 0, txnBytes.length);
        return adler.getValue();
    }

    static void putHeader(ByteBuffer buffer, int magic, long dbid) {
        buffer.putInt(magic).putInt(VERSION).putLong(dbid);
    }

    static void putEntry(ByteBuffer buffer, byte[] txnBytes) {
        buffer.putLong(checksum(txnBytes)).putInt(txnBytes.length).put(txnBytes).put(END_OF_RECORD);
    }

    static int entryBytes(byte[] txnBytes) {
        return ENTRY_OVERHEAD_BYTES + txnBytes.length;
    }

    /** The zxid of a serialized TxnHeader, or -1 when the bytes are too short to hold one. */
    static long zxidOf(byte[] txnBytes) {
        if (txnBytes.length < TXN_HEADER_BYTES) {
            return -1;
        }
        return ByteBuffer.wrap(txnBytes, ZXID_OFFSET, 8).getLong();
    }

    static String hex(long zxid) {
        return "0x" + Long.toHexString(zxid);
    }
}
