package dev.menagerie.server.impl.pipeline;

import dev.menagerie.api.replication.Proposer;
import dev.menagerie.api.storage.LogEntry;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A standalone server's proposer: a write is committed once its own log holds it, and a sync has nothing to wait
 * for, since every write before it was applied in order by the same commit stage.
 */
final class LocalProposer implements Proposer {

    static final LocalProposer INSTANCE = new LocalProposer();

    private LocalProposer() {
    }

    @Override
    public CompletionStage<Void> propose(LogEntry entry, CompletionStage<Void> localDurable) {
        return localDurable;
    }

    @Override
    public CompletionStage<Void> sync() {
        return CompletableFuture.completedStage(null);
    }
}
