package dev.menagerie.api.election;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Apache ZooKeeper's quorum authentication ({@code quorum.auth.*}) on a server-to-server connection, run once per
 * new connection on the election port (both directions) and on the quorum port: after the election handshake
 * message and before the first election frame, or before the learner's first packet. The side that dialled plays
 * the learner, the side that accepted plays the server. Both run on the connection's own thread, bounded by the
 * caller's read timeout on the socket.
 */
@ProviderType
public interface PeerAuthenticator {

    /** No authentication either way, as Apache ZooKeeper without {@code quorum.auth.enableSasl}. */
    PeerAuthenticator NONE = new PeerAuthenticator() {
    };

    /**
     * The dialling side: authenticates this server to the peer it connected to, when configured to. Reads only the
     * peer's answers, so the caller may wrap the socket's stream afterwards.
     *
     * @param peerHost the host name of the peer as configured (Apache substitutes it for {@code _HOST})
     * @throws IOException when the peer refused us or did not authenticate while we require it (the caller closes
     *                     the socket and treats the peer as unreachable)
     */
    default void asLearner(Socket socket, String peerHost) throws IOException {
    }

    /**
     * The accepting side: checks the peer's credentials, if it presents any, and decides whether to keep it.
     *
     * @param in the stream the caller reads the peer's bytes from; it must support mark and reset, since bytes that
     *           turn out not to start an authentication are left unread
     * @throws IOException when the peer must be kept out (the caller closes the socket and logs one line)
     */
    default void asServer(Socket socket, InputStream in) throws IOException {
    }
}
