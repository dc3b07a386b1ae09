package dev.menagerie.api.replication;

import dev.menagerie.api.storage.LogEntry;
import java.util.concurrent.CompletionStage;
import org.osgi.annotation.versioning.ConsumerType;

/** The leader's half of replication, called by the server's request pipeline in zxid order. */
@ConsumerType
public interface Proposer {

    /**
     * Broadcasts one transaction. The returned stage completes when a quorum holds it in their logs (the leader's
     * own write counting once {@code localDurable} completes), and exceptionally when the leader lost its quorum
     * before that; the server applies transactions in the order it proposed them.
     *
     * @param entry the log entry: TxnHeader, transaction and digest, exactly as the leader logged it
     */
    CompletionStage<Void> propose(LogEntry entry, CompletionStage<Void> localDurable);

    /**
     * A client's {@code sync}: completes once every transaction proposed before the call is committed, so that
     * the server answers it after they are applied.
     */
    CompletionStage<Void> sync();
}
