package dev.menagerie.server.impl.op;

import dev.menagerie.protocol.jute.JuteRecord;

/** How an applied write answers the client that sent it; the pipeline implements it per request. */
public interface Responder {

    /** The reply header with {@code err}, then {@code body} (null for none). */
    void reply(int err, JuteRecord body);

    /** The new session is set up: the connect response goes out instead of a reply. */
    void sessionEstablished();

    /** Closes the connection once the replies already queued are written. */
    void closeAfterReplies();
}
