package dev.menagerie.election.fle.impl.net;

/** Where an {@link ElectionPort} delivers the payloads of the frames it receives; called from receive threads. */
@FunctionalInterface
public interface MessageSink {

    /** One frame's payload from server {@code sid} (the id its connection's handshake gave). */
    void received(long sid, byte[] payload);
}
