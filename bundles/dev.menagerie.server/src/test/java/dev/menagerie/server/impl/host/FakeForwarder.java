package dev.menagerie.server.impl.host;

import dev.menagerie.api.replication.Forwarder;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A learner's link to the leader that records what it is asked to send. */
final class FakeForwarder implements Forwarder {

    record Forwarded(long sessionId, int cxid, int type, byte[] body, List<AuthId> authIds) {
    }

    final BlockingQueue<Forwarded> forwarded = new LinkedBlockingQueue<>();
    final BlockingQueue<CompletableFuture<Void>> syncs = new LinkedBlockingQueue<>();

    @Override
    public void forward(long sessionId, int cxid, int type, byte[] body, List<AuthId> authIds) {
        forwarded.add(new Forwarded(sessionId, cxid, type, body, authIds));
    }

    @Override
    public CompletionStage<Void> sync() {
        CompletableFuture<Void> sync = new CompletableFuture<>();
        syncs.add(sync);
        return sync;
    }

    Forwarded next() throws InterruptedException {
        Forwarded next = forwarded.poll(10, TimeUnit.SECONDS);
        if (next == null) {
            throw new AssertionError("nothing forwarded within 10 s");
        }
        return next;
    }
}
