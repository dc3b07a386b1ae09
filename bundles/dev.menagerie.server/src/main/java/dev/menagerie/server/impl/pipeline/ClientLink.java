package dev.menagerie.server.impl.pipeline;

import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.server.impl.watch.Watcher;

/** How the pipeline answers a client: the connection layer implements it. */
public interface ClientLink extends Watcher {

    /** Sends {@code ReplyHeader{xid, zxid, err}} followed by {@code body} (null for none). */
    void reply(int xid, long zxid, int err, JuteRecord body);

    /** The session finished setting up (valid) or cannot be resumed (expired, wrong password). */
    void sessionEstablished(boolean valid);

    /** Closes the connection after the replies already queued (closeSession, an oversize response). */
    void closeAfterReplies();

    /** The client's IP address as {@code InetAddress.getHostAddress()} prints it (for the audit log). */
    String remoteAddress();

    /** Tells the connection that one of its requests is answered (for throttling and statistics). */
    void requestDone(int type, long zxid, long latencyMs);
}
