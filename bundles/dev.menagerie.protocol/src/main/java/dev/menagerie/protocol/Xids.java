package dev.menagerie.protocol;

/** Reserved xids of {@code RequestHeader} and {@code ReplyHeader}; client xids count up from 1. */
public final class Xids {
    /** A watch event pushed by the server. */
    public static final int NOTIFICATION = -1;
    /** A ping and its reply. */
    public static final int PING = -2;
    /** An auth packet and its reply. */
    public static final int AUTH = -4;
    /** A setWatches or setWatches2 request sent on reconnect, and its reply. */
    public static final int SET_WATCHES = -8;

    private Xids() {
    }
}
