package dev.menagerie.server.impl.pipeline;

import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.txn.TxnHeader;

/**
 * A transaction the leader committed, decoded from its log entry.
 *
 * @param expectedDigest the tree digest logged with it, or null when it carried none
 */
public record CommittedTxn(TxnHeader header, JuteRecord txn, Long expectedDigest) {
}
