package dev.menagerie.api.election;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import org.osgi.annotation.versioning.ProviderType;

/**
 * How a quorum peer opens and takes over its server-to-server connections, on the election port and on the quorum
 * port alike: plaintext as here, or TLS as the quorum peer's implementation makes them with {@code sslQuorum}. The
 * listeners stay plain {@link java.net.ServerSocket}s; each accepted socket goes through {@link #accept} on the
 * thread that serves it, so a slow or hostile handshake never blocks the accept loop.
 */
@ProviderType
public interface PeerSockets {

    /** Plaintext connections both ways, as Apache ZooKeeper without {@code sslQuorum} and {@code portUnification}. */
    PeerSockets PLAINTEXT = new PeerSockets() {
    };

    /**
     * Takes over a socket this peer connected: with TLS, completes the handshake that authenticates the peer, and
     * returns the TLS socket layered over {@code connected}. The caller's read timeout on {@code connected} bounds
     * the handshake, and closing {@code connected} aborts it. Fails (the caller closes {@code connected}) for a
     * peer that cannot be trusted.
     */
    default Socket dialled(Socket connected) throws IOException {
        return connected;
    }

    /**
     * Takes over a socket a listener accepted: with TLS, completes the handshake; with port unification, first
     * looks at the peer's first bytes to tell TLS from plaintext. Fails (the caller closes {@code accepted}) for a
     * peer that is not trusted, or that speaks plaintext where only TLS is allowed.
     */
    default Accepted accepted(Socket accepted) throws IOException {
        return new Accepted(accepted, accepted.getInputStream());
    }

    /**
     * An accepted connection.
     *
     * @param socket the socket to write to and close (a TLS socket layered over the accepted one, or that one)
     * @param in where the peer's bytes are read, including any read to tell TLS from plaintext
     */
    record Accepted(Socket socket, InputStream in) {
    }
}
