package dev.menagerie.server.impl.session;

/** What the tracker knows about a session id, for Apache's {@code checkSession}. */
public enum SessionState {
    /** Tracked and usable. */
    ACTIVE,
    /** Expired or closed but not yet removed: requests get SESSIONEXPIRED. */
    CLOSING,
    /** Not tracked: requests get UNKNOWNSESSION (or SESSIONEXPIRED for global-session checks). */
    UNKNOWN
}
