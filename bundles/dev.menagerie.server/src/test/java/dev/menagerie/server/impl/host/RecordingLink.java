package dev.menagerie.server.impl.host;

import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.proto.WatcherEvent;
import dev.menagerie.server.impl.pipeline.ClientLink;
import dev.menagerie.server.impl.pipeline.SerializedBody;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A client connection stand-in: records replies, watch events and whether it was closed. */
final class RecordingLink implements ClientLink {

    record Reply(int xid, long zxid, int err, JuteRecord body) {
    }

    private static final long WAIT_S = 10;
    final BlockingQueue<Reply> replies = new LinkedBlockingQueue<>();
    final List<String> received = new CopyOnWriteArrayList<>();
    final CompletableFuture<Boolean> established = new CompletableFuture<>();
    final CompletableFuture<Void> closed = new CompletableFuture<>();
    volatile long sessionId;
    /** Set to play a connection that has closed while its requests are in the pipeline. */
    volatile boolean stale;

    @Override
    public void reply(int xid, long zxid, int err, JuteRecord body) {
        received.add("reply " + xid);
        // What the client decodes: a cached encoding stands for its record.
        replies.add(new Reply(xid, zxid, err, body instanceof SerializedBody cached ? cached.record() : body));
    }

    @Override
    public void sessionEstablished(boolean valid) {
        established.complete(valid);
    }

    @Override
    public void closeAfterReplies() {
        closed.complete(null);
    }

    @Override
    public void requestDone(int type, long zxid, long latencyMs) {
    }

    @Override
    public boolean isStale() {
        return stale;
    }

    @Override
    public String remoteAddress() {
        return "127.0.0.1";
    }

    @Override
    public long sessionId() {
        return sessionId;
    }

    @Override
    public void process(WatcherEvent event, long zxid) {
        received.add("event " + event.path());
    }

    /** The next reply, waiting at most ten seconds. */
    Reply next() throws InterruptedException {
        Reply reply = replies.poll(WAIT_S, TimeUnit.SECONDS);
        if (reply == null) {
            throw new AssertionError("no reply within " + WAIT_S + " s");
        }
        return reply;
    }

    boolean awaitEstablished() throws Exception {
        return established.get(WAIT_S, TimeUnit.SECONDS);
    }
}
