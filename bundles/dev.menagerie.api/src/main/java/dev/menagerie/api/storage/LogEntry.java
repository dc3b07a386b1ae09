package dev.menagerie.api.storage;

import java.util.Objects;

/**
 * One transaction as the log stores it.
 *
 * @param zxid the transaction id, also found inside {@code txnBytes}; entries are appended in increasing zxid order
 * @param txnBytes the jute-serialized {@code TxnHeader}, transaction and optional digest: exactly the bytes the
 *     on-disk checksum covers
 */
public record LogEntry(long zxid, byte[] txnBytes) {

    public LogEntry {
        Objects.requireNonNull(txnBytes, "txnBytes");
    }
}
