package dev.menagerie.election.fle.impl.wire;

/**
 * Ids for connections from observers that sent {@link HandshakeCodec#OBSERVER_ID}: -1, -2, ... as Apache
 * numbers them, so such connections never collide with a real (non-negative) server id or with each other.
 * One instance per election port; not thread-safe, the network edge owns it.
 */
public final class AnonymousObserverIds {

    private long next = -1L;

    public long next() {
        return next--;
    }
}
