package dev.menagerie.server.impl.host;

import dev.menagerie.api.replication.Proposer;
import dev.menagerie.api.storage.LogEntry;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A proposer whose quorum the test plays: each proposal waits until the test completes or fails it. */
final class FakeProposer implements Proposer {

    record Proposal(LogEntry entry, CompletionStage<Void> localDurable, CompletableFuture<Void> quorum) {
    }

    final BlockingQueue<Proposal> proposals = new LinkedBlockingQueue<>();
    final BlockingQueue<CompletableFuture<Void>> syncs = new LinkedBlockingQueue<>();

    @Override
    public CompletionStage<Void> propose(LogEntry entry, CompletionStage<Void> localDurable) {
        Proposal proposal = new Proposal(entry, localDurable, new CompletableFuture<>());
        proposals.add(proposal);
        return proposal.quorum();
    }

    @Override
    public CompletionStage<Void> sync() {
        CompletableFuture<Void> sync = new CompletableFuture<>();
        syncs.add(sync);
        return sync;
    }

    Proposal next() throws InterruptedException {
        Proposal proposal = proposals.poll(10, TimeUnit.SECONDS);
        if (proposal == null) {
            throw new AssertionError("nothing proposed within 10 s");
        }
        return proposal;
    }

    /** Acknowledges the next proposal once it is durable locally, as a quorum would; returns its entry. */
    LogEntry commitNext() throws Exception {
        Proposal proposal = next();
        proposal.localDurable().toCompletableFuture().get(10, TimeUnit.SECONDS);
        proposal.quorum().complete(null);
        return proposal.entry();
    }
}
