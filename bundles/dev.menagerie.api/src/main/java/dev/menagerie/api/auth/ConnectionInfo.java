package dev.menagerie.api.auth;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * What an authentication provider may know about the client connection that sent an auth packet.
 *
 * @param remoteAddress    the client's IP address as {@code InetAddress.getHostAddress()} prints it
 * @param certificateChain the client's verified TLS certificate chain, leaf first; empty on plain connections
 */
public record ConnectionInfo(String remoteAddress, List<X509Certificate> certificateChain) {

    public ConnectionInfo {
        certificateChain = certificateChain == null ? List.of() : List.copyOf(certificateChain);
    }

    /** A plain (non-TLS) connection from {@code remoteAddress}. */
    public static ConnectionInfo plain(String remoteAddress) {
        return new ConnectionInfo(remoteAddress, List.of());
    }
}
