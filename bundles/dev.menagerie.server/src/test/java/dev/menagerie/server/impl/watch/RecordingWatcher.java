package dev.menagerie.server.impl.watch;

import dev.menagerie.protocol.EventType;
import dev.menagerie.protocol.data.Id;
import dev.menagerie.protocol.proto.WatcherEvent;

import java.util.ArrayList;
import java.util.List;

/** A connection stand-in that records what it is sent, as {@code "NODE_CREATED /a @5"}. */
final class RecordingWatcher implements Watcher {
    private final long sessionId;
    private final List<Id> authInfo;
    final List<String> received = new ArrayList<>();
    boolean stale;

    RecordingWatcher(long sessionId) {
        this(sessionId, List.of());
    }

    RecordingWatcher(long sessionId, List<Id> authInfo) {
        this.sessionId = sessionId;
        this.authInfo = authInfo;
    }

    @Override
    public long sessionId() {
        return sessionId;
    }

    @Override
    public void process(WatcherEvent event, long zxid) {
        received.add(EventType.fromInt(event.type()) + " " + event.path() + " @" + zxid);
    }

    @Override
    public List<Id> authInfo() {
        return authInfo;
    }

    @Override
    public boolean isStale() {
        return stale;
    }

    /** Returns and clears what was received. */
    List<String> drain() {
        List<String> copy = List.copyOf(received);
        received.clear();
        return copy;
    }

    @Override
    public String toString() {
        return "watcher 0x" + Long.toHexString(sessionId);
    }
}
