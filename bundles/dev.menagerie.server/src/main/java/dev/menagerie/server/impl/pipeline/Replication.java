package dev.menagerie.server.impl.pipeline;

import dev.menagerie.api.storage.LogEntry;
import java.util.concurrent.CompletableFuture;

/**
 * What a write waits for before it is applied. A standalone server waits for its own log; a quorum leader hands
 * each logged transaction to the proposer and waits for a quorum of logs.
 */
public interface Replication {

    /** Waits for the local log only, and a sync is answered at once. */
    Replication LOCAL = new Replication() {
        @Override
        public CompletableFuture<Void> replicate(LogEntry entry, CompletableFuture<Void> localDurable) {
            return localDurable;
        }

        @Override
        public CompletableFuture<Void> sync() {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public boolean quorum() {
            return false;
        }
    };

    /** Called on the prep thread in zxid order; the commit stage applies the entry once the result completes. */
    CompletableFuture<Void> replicate(LogEntry entry, CompletableFuture<Void> localDurable);

    /** A client's sync: it is answered once this completes. */
    CompletableFuture<Void> sync();

    /**
     * True when a failed write may still be committed by the next leader: then it is neither applied nor answered
     * (the client sees its connection drop and learns the outcome after reconnecting).
     */
    boolean quorum();
}
