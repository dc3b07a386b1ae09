package dev.menagerie.server.impl.core;

import dev.menagerie.api.replication.Proposer;
import dev.menagerie.api.storage.LogEntry;
import dev.menagerie.server.impl.pipeline.Replication;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** A leader's pipeline waits for the proposer: a quorum of logs, the leader's own counting once it is durable. */
final class ProposerReplication implements Replication {

    private final Proposer proposer;

    ProposerReplication(Proposer proposer) {
        this.proposer = proposer;
    }

    @Override
    public CompletableFuture<Void> replicate(LogEntry entry, CompletableFuture<Void> localDurable) {
        try {
            return future(proposer.propose(entry, localDurable));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletableFuture<Void> sync() {
        try {
            return future(proposer.sync());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public boolean quorum() {
        return true;
    }

    /** A copy, since a stage need not support {@code toCompletableFuture}. */
    private static CompletableFuture<Void> future(CompletionStage<Void> stage) {
        CompletableFuture<Void> future = new CompletableFuture<>();
        stage.whenComplete((ignored, failure) -> {
            if (failure == null) {
                future.complete(null);
            } else {
                future.completeExceptionally(failure);
            }
        });
        return future;
    }
}
