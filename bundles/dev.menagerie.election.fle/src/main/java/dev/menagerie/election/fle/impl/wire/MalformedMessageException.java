package dev.menagerie.election.fle.impl.wire;

/**
 * Bytes from a peer that a 3.9 server would refuse too. The connection (or just the message, where Apache
 * skips it) is dropped; this is an expected condition, so callers log it without a stack trace.
 */
public final class MalformedMessageException extends Exception {

    private static final long serialVersionUID = 1L;

    public MalformedMessageException(String message) {
        super(message);
    }
}
